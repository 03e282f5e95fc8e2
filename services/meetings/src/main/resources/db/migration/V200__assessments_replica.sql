-- What meetings knows of the assessment cycles, to refuse a decision on a cycle or draft version it does not know.
CREATE TABLE replica_cycle_draft (
    cycle_id VARCHAR(64) NOT NULL,
    version  INTEGER     NOT NULL,
    adopted  BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (cycle_id, version)
);
CREATE TABLE replica_cycle (
    cycle_id VARCHAR(64) PRIMARY KEY,
    title    VARCHAR(300) NOT NULL
);
