-- Key posture and audit (issue 16): what each stored key may do beyond Spot trading, as Binance
-- told it when /setkey stored the key (never anything secret: flags and times only), so /keys shows
-- it without another call; and an index for /audit, which reads everyone's latest entries.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

-- not_checked_why is null when the posture is known (the flags are then set), and names why it was
-- not checked otherwise (testnet, demo or paper; the flags are then null).
CREATE TABLE key_posture (
  credential_id        VARCHAR(36) NOT NULL,
  checked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  environment          VARCHAR(16) NOT NULL,
  not_checked_why      VARCHAR(32),
  ip_restricted        BOOLEAN,
  withdrawals_enabled  BOOLEAN,
  margin_enabled       BOOLEAN,
  futures_enabled      BOOLEAN,
  options_enabled      BOOLEAN,
  CONSTRAINT pk_key_posture PRIMARY KEY (credential_id),
  CONSTRAINT fk_key_posture_credential FOREIGN KEY (credential_id)
    REFERENCES api_credential (credential_id) ON DELETE CASCADE,
  CONSTRAINT ck_key_posture_known CHECK (
    (not_checked_why IS NULL AND ip_restricted IS NOT NULL AND withdrawals_enabled IS NOT NULL
      AND margin_enabled IS NOT NULL AND futures_enabled IS NOT NULL AND options_enabled IS NOT NULL)
    OR (not_checked_why IS NOT NULL AND ip_restricted IS NULL AND withdrawals_enabled IS NULL))
);

CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);
