-- The document register as read: each document (corrections applied), where it was tabled, which decision adopted
-- it and which meeting's report it is. Tablings, adoptions and reports arrive on the meetings' streams, possibly
-- before the document's own registration: they are kept by symbol and joined when read.
CREATE TABLE document (
    symbol       VARCHAR(64)  PRIMARY KEY,
    title        VARCHAR(500) NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    dated_on     DATE         NOT NULL,
    languages    TEXT         NOT NULL,
    access       VARCHAR(12)  NOT NULL,
    supersedes   VARCHAR(64),
    published_on DATE
);
CREATE INDEX document_supersedes ON document (supersedes);
CREATE TABLE document_tabling (
    symbol     VARCHAR(64)  NOT NULL,
    meeting_id VARCHAR(64)  NOT NULL,
    item_id    VARCHAR(64)  NOT NULL,
    item_title VARCHAR(500) NOT NULL,
    PRIMARY KEY (symbol, meeting_id, item_id)
);
CREATE INDEX document_tabling_meeting ON document_tabling (meeting_id);
CREATE TABLE document_adoption (
    symbol      VARCHAR(64) NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    decision_id VARCHAR(64) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    adopted_on  DATE        NOT NULL,
    PRIMARY KEY (symbol, meeting_id, decision_id)
);
CREATE INDEX document_adoption_meeting ON document_adoption (meeting_id);
CREATE INDEX document_adoption_decision ON document_adoption (meeting_id, decision_id);
-- A meeting's published report: it makes the meeting's outcomes (tablings, adoptions) part of the public record.
CREATE TABLE document_meeting_report (
    meeting_id   VARCHAR(64) PRIMARY KEY,
    symbol       VARCHAR(64) NOT NULL,
    published_on DATE        NOT NULL
);
CREATE INDEX document_meeting_report_symbol ON document_meeting_report (symbol);
