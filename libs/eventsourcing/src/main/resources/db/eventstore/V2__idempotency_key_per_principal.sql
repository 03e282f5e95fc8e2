-- An Idempotency-Key belongs to the principal that used it: another clerk's key of the same text is another key.
ALTER TABLE idempotency_key ADD COLUMN principal VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (principal, idempotency_key);
ALTER TABLE idempotency_key ALTER COLUMN principal DROP DEFAULT;
