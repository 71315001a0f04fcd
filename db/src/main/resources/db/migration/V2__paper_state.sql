-- The paper exchange's whole state (accounts, balances, order lists, prices, id sequences) as one
-- versioned text snapshot that only the paper exchange reads and writes (core.port.out.PaperStateStore).
-- Portable SQL, like V1: runs unchanged on H2 2.x and PostgreSQL 12+. TEXT is a character large
-- object on H2 and unlimited text on PostgreSQL; snapshots can outgrow any VARCHAR length.
-- One row only (state_id = 1), replaced on every save.

CREATE TABLE paper_state (
  state_id   INTEGER NOT NULL,
  snapshot   TEXT    NOT NULL,
  saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_paper_state PRIMARY KEY (state_id),
  CONSTRAINT ck_paper_state_one_row CHECK (state_id = 1)
);
