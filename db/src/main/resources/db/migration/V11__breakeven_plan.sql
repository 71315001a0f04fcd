-- Take-profit ladders placed with "be" (issue 15): when the first target's list fills, the stops of
-- the plan's other lists move to breakeven. Kept apart from placed_order_list: a plan names its lists
-- by client list id, in target order. Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE breakeven_plan (
  plan_id         VARCHAR(64)  NOT NULL,
  owner_platform  VARCHAR(32)  NOT NULL,
  owner_user_id   VARCHAR(128) NOT NULL,
  symbol          VARCHAR(32)  NOT NULL,
  done            BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_breakeven_plan PRIMARY KEY (plan_id)
);
CREATE INDEX ix_breakeven_plan_waiting ON breakeven_plan (done, created_at);

CREATE TABLE breakeven_plan_list (
  plan_id               VARCHAR(64) NOT NULL,
  list_index            INTEGER     NOT NULL,
  list_client_order_id  VARCHAR(36) NOT NULL,
  CONSTRAINT pk_breakeven_plan_list PRIMARY KEY (plan_id, list_index),
  CONSTRAINT uq_breakeven_plan_list UNIQUE (list_client_order_id),
  CONSTRAINT fk_breakeven_plan_list FOREIGN KEY (plan_id) REFERENCES breakeven_plan (plan_id) ON DELETE CASCADE
);
