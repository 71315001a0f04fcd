-- Order legs: how much of each exit leg's fill the day's realised profit or loss has counted
-- (cumulative quantity and quote), so a fill learnt from the REST catch-up (cumulative figures
-- only) is counted, and counted once, whatever part of it the stream told before.
-- A leg written before this version keeps NULL, "not known": its next fill is counted as before
-- (the event's own trade) and the leg is counted by its cumulative figures from then on. A leg
-- written from this version on starts at 0 counted (the columns' default).
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_leg ADD COLUMN counted_quantity NUMERIC(38, 18);
ALTER TABLE placed_order_leg ADD COLUMN counted_quote NUMERIC(38, 18);
ALTER TABLE placed_order_leg ALTER COLUMN counted_quantity SET DEFAULT 0;
ALTER TABLE placed_order_leg ALTER COLUMN counted_quote SET DEFAULT 0;
