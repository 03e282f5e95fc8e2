-- A plenary decision this service cannot act on (its subject was never recorded here), kept with the reason (and
-- logged as an error): the consumer goes on.
CREATE TABLE refused_decision (
    consumer_group TEXT        NOT NULL,
    event_id       TEXT        NOT NULL,
    meeting_id     TEXT        NOT NULL,
    decision_id    TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    subject        TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    refused_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
