-- Order legs: whether an order that ended had filled, even in part. An OTOCO's entry whose fill is
-- told only after its exits ended (the fill lost in a stream gap, the list cancelled meanwhile) must
-- say that nothing guards the position, unless an exit filled: the ended flag alone cannot tell.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_leg ADD COLUMN filled BOOLEAN DEFAULT FALSE NOT NULL;
