-- Outbox: an index for "does a later row replace the same message in the same chat?", which the
-- dispatcher asks before every send (issue 19). Without it the question read every row queued
-- after the one about to go, along the primary key: in a burst of a thousand fills, each send read
-- the thousands behind it (13% of the bot's CPU in the 1,000-user harness). The merge key's twin
-- question has used ix_notification_outbox_merge since V3.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE INDEX ix_notification_outbox_replaces ON notification_outbox (replaces_message_id, target_platform, target_chat_id);
