-- Adopted reports name their document, and supplementary reports (Malta and Panama in the preservation round,
-- T-CY(2015)24) appear with their cycle once adopted. Rows of events from before have no symbol.
ALTER TABLE report_draft ADD COLUMN document_symbol TEXT;
ALTER TABLE report_adoption ADD COLUMN document_symbol TEXT;
CREATE TABLE report_supplement (
    cycle_id      VARCHAR(64) NOT NULL,
    supplement_id VARCHAR(64) NOT NULL,
    party_ids     TEXT        NOT NULL,
    PRIMARY KEY (cycle_id, supplement_id)
);
CREATE TABLE report_supplement_draft (
    cycle_id        VARCHAR(64) NOT NULL,
    supplement_id   VARCHAR(64) NOT NULL,
    version         INTEGER     NOT NULL,
    findings        TEXT        NOT NULL,
    recommendations TEXT        NOT NULL,
    document_symbol TEXT,
    PRIMARY KEY (cycle_id, supplement_id, version)
);
CREATE TABLE report_supplement_adoption (
    cycle_id        VARCHAR(64) NOT NULL,
    supplement_id   VARCHAR(64) NOT NULL,
    version         INTEGER     NOT NULL,
    meeting_id      VARCHAR(64) NOT NULL,
    decision_id     VARCHAR(64) NOT NULL,
    adopted_on      DATE        NOT NULL,
    document_symbol TEXT,
    PRIMARY KEY (cycle_id, supplement_id)
);
