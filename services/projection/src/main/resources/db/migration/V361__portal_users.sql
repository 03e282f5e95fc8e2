-- The portal's users (form sign-in): not a read model (no topic feeds it; rebuilds leave it alone). A password is
-- kept only as a bcrypt hash (modular crypt format, $2a$…); roles are the API's, comma-separated.
CREATE TABLE portal_user (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT true
);
