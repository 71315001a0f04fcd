-- Step-up codes for live trades (issue 16): one row per user who set a PIN or an authenticator.
-- Only a PIN's Argon2id PHC string and a TOTP secret sealed like an API secret (its data key under
-- the master key of key_version) are kept: never a PIN, a secret or a code in clear. The count of
-- wrong codes and the lock live here so that a restart forgets neither.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE step_up (
  owner_platform        VARCHAR(32)  NOT NULL,
  owner_user_id        VARCHAR(128) NOT NULL,
  pin_hash             VARCHAR(200),
  totp_secret_nonce    BYTEA,
  totp_secret_cipher   BYTEA,
  totp_key_nonce       BYTEA,
  totp_key_cipher      BYTEA,
  totp_key_version     INTEGER,
  totp_active          BOOLEAN      NOT NULL,
  last_totp_step       BIGINT       NOT NULL,
  failures             INTEGER      NOT NULL,
  locked_until         TIMESTAMP WITH TIME ZONE,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_step_up PRIMARY KEY (owner_platform, owner_user_id),
  CONSTRAINT ck_step_up_totp CHECK (
    (totp_secret_nonce IS NULL AND totp_secret_cipher IS NULL AND totp_key_nonce IS NULL
       AND totp_key_cipher IS NULL AND totp_key_version IS NULL AND totp_active = FALSE)
    OR (totp_secret_nonce IS NOT NULL AND totp_secret_cipher IS NOT NULL AND totp_key_nonce IS NOT NULL
       AND totp_key_cipher IS NOT NULL AND totp_key_version IS NOT NULL)),
  CONSTRAINT ck_step_up_failures CHECK (failures >= 0)
);
