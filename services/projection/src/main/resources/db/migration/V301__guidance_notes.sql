-- Guidance notes: every version (drafts for the secretariat), and which meeting and decision adopted which one.
CREATE TABLE note_version (
    note_id      VARCHAR(64)  NOT NULL,
    version      INTEGER      NOT NULL,
    title        VARCHAR(300) NOT NULL,
    articles     TEXT         NOT NULL,
    text_en      TEXT,
    text_fr      TEXT,
    english_only BOOLEAN      NOT NULL,
    PRIMARY KEY (note_id, version)
);
CREATE TABLE note_adoption (
    note_id     VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    decision_id VARCHAR(64) NOT NULL,
    adopted_on  DATE        NOT NULL,
    PRIMARY KEY (note_id, version)
);
CREATE INDEX note_adoption_meeting ON note_adoption (meeting_id);
