-- An order list gets the state CANCELLING while the bot's own cancel is on its way: still open (a
-- cancel that fails leaves the list working, so it stays followed and caught up), but its cancel's
-- own events are not announced on top of the cancel's answer. Replaces the pre-mark as ALL_DONE,
-- which a failed cancel or a crash left on a live list.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_list DROP CONSTRAINT ck_placed_order_list_state;
ALTER TABLE placed_order_list ADD CONSTRAINT ck_placed_order_list_state
  CHECK (state IN ('UNKNOWN', 'EXECUTING', 'CANCELLING', 'ALL_DONE', 'REJECTED'));
