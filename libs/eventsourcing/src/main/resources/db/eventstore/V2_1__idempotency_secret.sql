-- The service's own secret for the keyed hash (HMAC-SHA256) of the request an idempotency record remembers, made once
-- by the first instance that needs it, when tcy.idempotency.hmac-key is not configured (IdempotencySecret says why).
CREATE TABLE idempotency_secret (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
