-- The paper exchange's state one row per account (issue 19, CPU per trade). Before, the whole state
-- (about 2 MB with 1,000 accounts) was one text in the one row of paper_state, built and written
-- whole on every change; now each account's records are a row of paper_account, the rest (id
-- sequences, prices, candles) stays in paper_state, and a save writes only the rows that changed, in
-- one transaction.
-- layout says what paper_state.snapshot holds: 1, the whole state as before (paper_account unused);
-- 2, the rest only, with the accounts in paper_account. An existing row keeps layout 1: splitting the
-- text in SQL would mean parsing it, so the bot reads it whole once and its first save writes every
-- account and layout 2 in one transaction (dev.orderlistbot.db.JdbcPaperStateStore).
-- seq keeps the order in which accounts were first saved, which is the paper exchange's order.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE paper_state ADD COLUMN layout SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE paper_state ADD CONSTRAINT ck_paper_state_layout CHECK (layout IN (1, 2));

CREATE TABLE paper_account (
  account_key VARCHAR(1000) NOT NULL,
  seq         BIGINT        NOT NULL,
  records     TEXT          NOT NULL,
  saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_paper_account PRIMARY KEY (account_key)
);

CREATE INDEX ix_paper_account_seq ON paper_account (seq);
