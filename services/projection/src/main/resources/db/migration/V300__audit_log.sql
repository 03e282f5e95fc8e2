-- The global log across services in consumption order, each event as it travelled: attributes, hashes, data.
CREATE TABLE audit_event (
    position        BIGSERIAL    PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    source          VARCHAR(255) NOT NULL,
    type            VARCHAR(255) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    time            TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255),
    correlation_id  VARCHAR(255),
    causation_id    VARCHAR(255),
    prevhash        CHAR(64),
    hash            CHAR(64),
    data            BYTEA        NOT NULL,
    topic           VARCHAR(255) NOT NULL,
    consumed_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX audit_event_aggregate ON audit_event (source, subject, sequence);
CREATE INDEX audit_event_type ON audit_event (type);
CREATE INDEX audit_event_time ON audit_event (time);
