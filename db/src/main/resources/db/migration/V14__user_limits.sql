-- Safety limits (issue 16): each trader's own limits (/limits), their ledger per UTC day (notional
-- placed, realised profit or loss, a loss halt an admin lifted) and the basis each list's realised
-- profit or loss is measured against. Amounts are exact decimals in USDT (or the list's quote asset
-- for prices). The day's row is locked by the Confirm's claim (a conditional UPDATE), so one
-- trader's claims check and record the day's budget one at a time.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE user_limit (
  user_platform   VARCHAR(32)  NOT NULL,
  user_id         VARCHAR(128) NOT NULL,
  per_list_usdt   NUMERIC(38, 18),
  per_day_usdt    NUMERIC(38, 18),
  open_lists      NUMERIC(38, 18),
  daily_loss_usdt NUMERIC(38, 18),
  watch_symbols   VARCHAR(4000),
  CONSTRAINT pk_user_limit PRIMARY KEY (user_platform, user_id)
);

CREATE TABLE user_day_ledger (
  user_platform        VARCHAR(32)  NOT NULL,
  user_id              VARCHAR(128) NOT NULL,
  ledger_day           DATE         NOT NULL,
  notional_placed_usdt NUMERIC(38, 18) NOT NULL,
  realised_pnl_usdt    NUMERIC(38, 18) NOT NULL,
  resumed_by_platform  VARCHAR(32),
  resumed_by_user_id   VARCHAR(128),
  resumed_at           TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_user_day_ledger PRIMARY KEY (user_platform, user_id, ledger_day)
);

CREATE TABLE list_basis (
  list_client_order_id VARCHAR(64) NOT NULL,
  reference_price      NUMERIC(38, 18) NOT NULL,
  exit_side            VARCHAR(4)  NOT NULL,
  usdt_rate            NUMERIC(38, 18) NOT NULL,
  entry_quantity       NUMERIC(38, 18) NOT NULL,
  entry_quote          NUMERIC(38, 18) NOT NULL,
  CONSTRAINT pk_list_basis PRIMARY KEY (list_client_order_id)
);
