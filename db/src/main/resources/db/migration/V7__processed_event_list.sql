-- Retention: a processed-event record names the order list its event was about, so the record can
-- be forgotten once that list is settled (finished, and last changed longer ago than the window)
-- while every record of a list that is still open (and can still be caught up) is kept, whatever
-- its age. Records made before this migration have no list (NULL): they are kept while any list
-- created before them is unsettled. The audit log is purged by age, so it gets an index on it.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE processed_event ADD COLUMN list_client_order_id VARCHAR(64);
CREATE INDEX ix_audit_log_age ON audit_log (occurred_at);
