-- Training runs (issue #11.3): a data scientist's request to train a candidate model version from
-- the service's own history or an uploaded history CSV, carried out asynchronously by one instance.
-- Its state, progress and log are here, so that any instance can answer GET while it runs; the
-- instance that carries it out writes a heartbeat, by which the others (and a restarted instance)
-- recognise a run whose instance died, and mark it FAILED.
CREATE TABLE training_run (
    id                UUID PRIMARY KEY,
    status            VARCHAR(20)   NOT NULL,
    source            VARCHAR(20)   NOT NULL,
    municipality_code VARCHAR(6),
    period_from       DATE,
    period_to         DATE,
    -- JSON: the settings as carried out (defaults filled in)
    settings          VARCHAR(2000) NOT NULL,
    -- the uploaded history CSV, kept until the run ends (then only its SHA-256, in the result)
    upload            BYTEA,
    requested_by      VARCHAR(1000) NOT NULL,
    requested_roles   VARCHAR(1000) NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    instance_id       VARCHAR(100)  NOT NULL,
    heartbeat_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    stage             VARCHAR(200)  NOT NULL,
    progress          DOUBLE PRECISION NOT NULL,
    model_version     BIGINT REFERENCES model_version (version),
    -- JSON: data (hash, records, period), code version, settings, duration, split, positivity problems
    result            VARCHAR(20000),
    failure           VARCHAR(2000)
);
CREATE INDEX training_run_requested ON training_run (requested_at);
CREATE INDEX training_run_status ON training_run (status);

CREATE TABLE training_run_log (
    run_id    UUID NOT NULL REFERENCES training_run (id),
    seq       INTEGER NOT NULL,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    line      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
