-- Trade actions whose outcome the trader is owed (issue 15): a close at market or a reduction is
-- recorded in its Confirm's claim and forgotten when its result is told, so an action a crash cut
-- short (after the cancel, before the market order) is settled after the restart, never left silent.
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE owed_action (
  confirmation_id  VARCHAR(36) NOT NULL,
  owed_since       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_owed_action PRIMARY KEY (confirmation_id)
);
CREATE INDEX ix_owed_action_since ON owed_action (owed_since);
