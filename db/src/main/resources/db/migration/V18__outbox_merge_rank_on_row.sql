-- Outbox: the merge rank kept on the row the notices of one merge key fold into (issue 19, the
-- stream's scale). The newest row of a merge key and target chat, its "head", carries the rank of
-- the newest notice it took (merge_final 1 above 0, then merge_filled); every other row has NULL.
-- A partial fill that finds its head still waiting (no dispatcher has tried it) replaces the text
-- and raises the rank in ONE conditional UPDATE of that row, instead of an UPDATE of
-- notification_merge and then one of the row. notification_merge stays: its row is the lock the
-- rare path takes (no waiting head: a new row, or the head's rank cleared when a newer row takes
-- over), and it keeps a rank after the head is purged. The rank of a key is the higher of the two.
-- Existing data: each key's newest row takes the rank notification_merge holds for it (the old
-- code raised that rank with every notice it took, and its newest row holds the newest text).
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE notification_outbox ADD COLUMN merge_final SMALLINT;
ALTER TABLE notification_outbox ADD COLUMN merge_filled NUMERIC(38, 18);
ALTER TABLE notification_outbox ADD CONSTRAINT ck_notification_outbox_merge_final
  CHECK (merge_final IS NULL OR merge_final IN (0, 1));

UPDATE notification_outbox o SET
  merge_final = (SELECT m.final_notice FROM notification_merge m WHERE m.merge_key = o.merge_key
    AND m.target_platform = o.target_platform AND m.target_chat_id = o.target_chat_id),
  merge_filled = (SELECT m.filled_quantity FROM notification_merge m WHERE m.merge_key = o.merge_key
    AND m.target_platform = o.target_platform AND m.target_chat_id = o.target_chat_id)
WHERE o.merge_key IS NOT NULL
  AND o.outbox_id = (SELECT MAX(n.outbox_id) FROM notification_outbox n WHERE n.merge_key = o.merge_key
    AND n.target_platform = o.target_platform AND n.target_chat_id = o.target_chat_id)
  AND EXISTS (SELECT 1 FROM notification_merge m WHERE m.merge_key = o.merge_key
    AND m.target_platform = o.target_platform AND m.target_chat_id = o.target_chat_id);
