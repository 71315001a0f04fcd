-- Outbox: merging only moves forward. For each merge key (one order's fill notices) and target
-- chat, the highest rank of a notice taken so far: a final notice (1) above every partial one (0),
-- then the order's cumulative filled quantity. A later notice that ranks no higher is older news
-- (a REST snapshot taken before the fill) and is dropped instead of replacing or following it.
-- Raising the rank is one conditional UPDATE (or the first INSERT), whose row lock lasts until the
-- transaction ends, so concurrent merges of one order are ordered on H2 and PostgreSQL alike.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE notification_merge (
  merge_key        VARCHAR(200)    NOT NULL,
  target_platform  VARCHAR(32)     NOT NULL,
  target_chat_id   VARCHAR(128)    NOT NULL,
  final_notice     SMALLINT        NOT NULL,
  filled_quantity  NUMERIC(38, 18) NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_notification_merge PRIMARY KEY (merge_key, target_platform, target_chat_id),
  CONSTRAINT ck_notification_merge_final CHECK (final_notice IN (0, 1))
);
CREATE INDEX ix_notification_merge_age ON notification_merge (updated_at);
