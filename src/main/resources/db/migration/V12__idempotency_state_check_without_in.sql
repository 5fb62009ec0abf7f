-- The same rule as V7's, written as a CASE: H2 2.4.240 evaluates a CHECK (column IN (...)) with the
-- session that created it (and turns "a = x OR a = y" into such an IN), so once that connection is
-- closed (the pool retires the one that ran the migrations, a connection lost at commit is discarded,
-- or the service restarts on an in-memory database) every insert fails with "Check constraint invalid:
-- The database has been closed" (h2database issues 4292, 4302). PostgreSQL treats all forms alike.
ALTER TABLE idempotent_request DROP CONSTRAINT idempotent_request_state;
ALTER TABLE idempotent_request ADD CONSTRAINT idempotent_request_state
    CHECK (CASE state WHEN 'IN_PROGRESS' THEN TRUE WHEN 'DONE' THEN TRUE ELSE FALSE END);
