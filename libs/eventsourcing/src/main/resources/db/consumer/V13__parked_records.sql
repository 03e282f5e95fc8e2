-- A record a consumer could not apply after retries, parked with its reason so that every other aggregate goes on;
-- the later records of the same aggregate are parked behind it (waiting) so that its order holds. The record itself
-- is kept whole (envelope, as JSON bytes: it may hold what a text column refuses) to be applied again on retry.
CREATE TABLE parked_record (
    id              BIGSERIAL   PRIMARY KEY,
    consumer_group  TEXT        NOT NULL,
    source          TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    sequence        BIGINT      NOT NULL,
    event_id        TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    waiting         BOOLEAN     NOT NULL,
    reason          TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 1,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    envelope        BYTEA       NOT NULL,
    UNIQUE (consumer_group, event_id)
);
CREATE INDEX parked_record_aggregate ON parked_record (consumer_group, source, subject, sequence);
