-- Rebuilds of the read models from offset 0: what was asked, how it went, and what was found different.
CREATE TABLE read_model_rebuild (
    id           VARCHAR(64) PRIMARY KEY,
    state        VARCHAR(20) NOT NULL,
    requested_by VARCHAR(255),
    requested_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    report       TEXT        NOT NULL
);
