-- Protected attributes, recorded only to monitor fairness (AI Act art. 10(5)): a table of their
-- own, apart from the intake profile that models read, one row per client, removed on erasure or
-- when the client withdraws them.
CREATE TABLE fairness_attributes (
    client_id            UUID PRIMARY KEY REFERENCES client (id),
    gender               VARCHAR(20),
    migration_background VARCHAR(20),
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
