-- Meeting outcomes: the meeting, its agenda, who attended in which capacity, the decisions and the report.
CREATE TABLE outcome_meeting (
    id               VARCHAR(64)  PRIMARY KEY,
    kind             VARCHAR(30)  NOT NULL,
    title            VARCHAR(300) NOT NULL,
    venue            VARCHAR(200) NOT NULL,
    starts_on        DATE         NOT NULL,
    ends_on          DATE         NOT NULL,
    opened           BOOLEAN      NOT NULL DEFAULT false,
    closed           BOOLEAN      NOT NULL DEFAULT false,
    report_symbol    VARCHAR(40),
    report_published DATE
);
CREATE TABLE outcome_agenda_item (
    meeting_id       VARCHAR(64)  NOT NULL,
    item_id          VARCHAR(64)  NOT NULL,
    title            VARCHAR(500) NOT NULL,
    document_symbols TEXT         NOT NULL,
    position         BIGSERIAL,
    PRIMARY KEY (meeting_id, item_id)
);
CREATE TABLE outcome_attendance (
    meeting_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    capacity   VARCHAR(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE TABLE outcome_decision (
    meeting_id     VARCHAR(64) NOT NULL,
    decision_id    VARCHAR(64) NOT NULL,
    agenda_item_id VARCHAR(64) NOT NULL,
    kind           VARCHAR(40) NOT NULL,
    subject        VARCHAR(64),
    version        INTEGER,
    text           TEXT        NOT NULL,
    vote           TEXT        NOT NULL,
    adopted_on     DATE        NOT NULL,
    position       BIGSERIAL,
    PRIMARY KEY (meeting_id, decision_id)
);
