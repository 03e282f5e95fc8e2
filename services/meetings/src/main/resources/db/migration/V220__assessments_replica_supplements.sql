-- The supplementary reports of the assessment cycles and their draft versions, so that a decision on
-- {cycleId}/{supplementId} is refused unless that supplement has a draft of that version not yet adopted.
CREATE TABLE replica_supplement (
    cycle_id      VARCHAR(64) NOT NULL,
    supplement_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (cycle_id, supplement_id)
);
CREATE TABLE replica_supplement_draft (
    cycle_id      VARCHAR(64) NOT NULL,
    supplement_id VARCHAR(64) NOT NULL,
    version       INTEGER     NOT NULL,
    adopted       BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (cycle_id, supplement_id, version)
);
