-- Assessment reports: observers see a cycle once its report is adopted, never a draft that was not.
CREATE TABLE report_cycle (
    cycle_id         VARCHAR(64)  PRIMARY KEY,
    title            VARCHAR(300) NOT NULL,
    articles         TEXT         NOT NULL,
    assessed_parties TEXT         NOT NULL
);
CREATE TABLE report_draft (
    cycle_id        VARCHAR(64) NOT NULL,
    version         INTEGER     NOT NULL,
    findings        TEXT        NOT NULL,
    recommendations TEXT        NOT NULL,
    PRIMARY KEY (cycle_id, version)
);
CREATE TABLE report_adoption (
    cycle_id    VARCHAR(64) PRIMARY KEY,
    version     INTEGER     NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    decision_id VARCHAR(64) NOT NULL,
    adopted_on  DATE        NOT NULL
);
CREATE TABLE report_follow_up (
    cycle_id          VARCHAR(64) NOT NULL,
    recommendation_id VARCHAR(20) NOT NULL,
    party_id          VARCHAR(64) NOT NULL,
    status            VARCHAR(20) NOT NULL,
    assessed_on       DATE        NOT NULL,
    note              TEXT,
    PRIMARY KEY (cycle_id, recommendation_id, party_id)
);
