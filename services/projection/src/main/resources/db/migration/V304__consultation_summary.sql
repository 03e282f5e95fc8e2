-- Consultation summaries: stances per option and stakeholder kind, never who took them.
CREATE TABLE summary_consultation (
    consultation_id VARCHAR(64)  PRIMARY KEY,
    title           VARCHAR(300) NOT NULL,
    chatham_house   BOOLEAN      NOT NULL,
    options         TEXT         NOT NULL
);
CREATE TABLE summary_stakeholder_kind (
    consultation_id VARCHAR(64) NOT NULL,
    kind            VARCHAR(40) NOT NULL,
    registered      INTEGER     NOT NULL,
    PRIMARY KEY (consultation_id, kind)
);
CREATE TABLE summary_stance (
    consultation_id VARCHAR(64) NOT NULL,
    submission_id   VARCHAR(64) NOT NULL,
    kind            VARCHAR(40) NOT NULL,
    option_id       VARCHAR(10) NOT NULL,
    stance          VARCHAR(10) NOT NULL,
    PRIMARY KEY (consultation_id, submission_id, option_id)
);
