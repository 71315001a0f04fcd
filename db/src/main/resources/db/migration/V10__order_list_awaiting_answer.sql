-- Whether the trader is still owed the outcome of the placement (issue 14, defect 6): set with the
-- Confirm's claim, cleared in the transaction that enqueues the answer, set again after "cannot
-- tell". The settlement looks such a list up even after an event moved it on, and tells the preview.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_list ADD COLUMN awaiting_answer BOOLEAN DEFAULT FALSE NOT NULL;
