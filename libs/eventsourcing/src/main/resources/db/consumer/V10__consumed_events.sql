-- What a consumer has applied: one row per event id, written in the transaction that applies the event.
CREATE TABLE consumed_event (
    event_id    VARCHAR(255) PRIMARY KEY,
    source      VARCHAR(255) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    sequence    BIGINT       NOT NULL,
    topic       VARCHAR(255) NOT NULL,
    kafka_partition INTEGER  NOT NULL,
    kafka_offset BIGINT      NOT NULL,
    consumed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The last sequence applied per aggregate, to detect gaps and late duplicates.
CREATE TABLE consumed_position (
    source   VARCHAR(255) NOT NULL,
    subject  VARCHAR(255) NOT NULL,
    sequence BIGINT       NOT NULL,
    PRIMARY KEY (source, subject)
);

-- A gap in an aggregate's sequence: never ignored, reported in health.
CREATE TABLE consumed_gap (
    source            VARCHAR(255) NOT NULL,
    subject           VARCHAR(255) NOT NULL,
    expected_sequence BIGINT       NOT NULL,
    received_sequence BIGINT       NOT NULL,
    event_id          VARCHAR(255) NOT NULL,
    detected_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
