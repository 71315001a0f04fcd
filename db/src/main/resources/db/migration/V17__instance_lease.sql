-- Leases for running several bot instances on one database (issue 18): a named piece of work (the
-- sweeps, the paper exchange, later each account's user data stream and the Discord gateway) is done
-- by the instance that holds its lease, renewed every few seconds and taken over by another instance
-- once it has expired (its holder died or lost the database). Portable SQL, like V1.
CREATE TABLE instance_lease (
  lease_name  VARCHAR(200) NOT NULL,
  holder      VARCHAR(64) NOT NULL,
  taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_instance_lease PRIMARY KEY (lease_name)
);

CREATE INDEX ix_instance_lease_holder ON instance_lease (holder);
