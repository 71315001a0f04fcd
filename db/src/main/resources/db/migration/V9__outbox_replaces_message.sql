-- A notice may replace a message in place: a placement's result edits the preview that showed
-- "Placing…" (issue 14, defect 7: placement results go through the outbox like every notice, so a
-- rate limit or a restart no longer loses them). Empty for a new message.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE notification_outbox ADD COLUMN replaces_message_id VARCHAR(128);
