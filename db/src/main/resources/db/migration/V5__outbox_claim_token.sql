-- Outbox: who holds a claim. claimDue writes a fresh token on every row it takes; a dispatcher
-- extends its claim right before each send with a conditional UPDATE on that token and an unlapsed
-- lease (next_attempt_at), and sends only if the update took. So a batch that outlives its lease
-- on a slow platform never sends a row another drain has claimed since.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE notification_outbox ADD COLUMN claim_token VARCHAR(36);
