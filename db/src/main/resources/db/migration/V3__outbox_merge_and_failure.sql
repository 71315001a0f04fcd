-- Outbox: merging of notices that replace each other (partial fills of one order, then its fill)
-- and failed messages kept for the operator instead of being marked delivered.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.
-- merge_key: set on rows that later notices may fold into (while no dispatcher has claimed them).
-- failed_at/failure: a platform refused the message for good (chat gone, bot blocked); never retried.

ALTER TABLE notification_outbox ADD COLUMN merge_key VARCHAR(200);
ALTER TABLE notification_outbox ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_outbox ADD COLUMN failure VARCHAR(500);
CREATE INDEX ix_notification_outbox_merge ON notification_outbox (merge_key, target_platform, target_chat_id);
