-- Whether the trader was told "cannot tell whether it was placed" and is still owed the answer
-- (issue 14, defect 6): the settlement looks such a list up even after an event moved it on, and
-- tells the preview what happened; the flag is cleared in the transaction that enqueues the answer.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_list ADD COLUMN awaiting_answer BOOLEAN DEFAULT FALSE NOT NULL;
