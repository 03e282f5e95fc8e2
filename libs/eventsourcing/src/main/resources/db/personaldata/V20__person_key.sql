-- One AES-256 key per person whose data a service holds. Deleting the row is the erasure: every sealed copy of
-- that person's data, in the event store, on the topics and in read models, becomes unreadable for good.
CREATE TABLE person_key (
    person_id  VARCHAR(64) PRIMARY KEY,
    owner_id   VARCHAR(255) NOT NULL,
    secret     BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX person_key_owner ON person_key (owner_id);
