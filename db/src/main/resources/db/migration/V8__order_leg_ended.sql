-- Order legs: whether the bot has seen each order end (filled, cancelled, expired, rejected).
-- Binance ends an OCO (ALL_DONE) as soon as it resolves, while a triggered STOP_LOSS_LIMIT may
-- still rest on the book; the bot follows a list until every leg has ended.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE placed_order_leg ADD COLUMN ended BOOLEAN DEFAULT FALSE NOT NULL;
