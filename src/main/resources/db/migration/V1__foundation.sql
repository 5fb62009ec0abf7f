-- Trede's facts are append-only: rows are inserted, never updated; corrections are new rows.
-- Every row carries the municipality (tenant) and, where a model was involved, its version,
-- so that retraining can join profile, recommendation, decision, override and outcome.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE client (
    id                UUID PRIMARY KEY,
    municipality_code VARCHAR(6)  NOT NULL,
    -- HMAC-SHA256 of the case system's reference (possibly a BSN); never the reference itself
    reference_hash    VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT client_reference_unique UNIQUE (municipality_code, reference_hash)
);

CREATE TABLE intake (
    id                       UUID PRIMARY KEY,
    client_id                UUID NOT NULL REFERENCES client (id),
    municipality_code        VARCHAR(6) NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    age                      INTEGER,
    education_level          VARCHAR(16),
    dutch_language_level     VARCHAR(2),
    months_on_benefit        INTEGER,
    months_since_last_job    INTEGER,
    years_work_experience    INTEGER,
    health_limitation        VARCHAR(8),
    care_duties              BOOLEAN,
    problematic_debts        BOOLEAN,
    unstable_housing         BOOLEAN,
    driving_licence          BOOLEAN,
    motivation               INTEGER,
    job_search_self_efficacy INTEGER,
    expects_work             BOOLEAN,
    participation_rung       INTEGER,
    labour_market_tightness  DOUBLE PRECISION,
    probability              DOUBLE PRECISION NOT NULL,
    category                 INTEGER NOT NULL,
    model_version            VARCHAR(100) NOT NULL,
    factors                  VARCHAR(65535) NOT NULL,
    missing_fields           VARCHAR(2000) NOT NULL
);
CREATE INDEX intake_client ON intake (client_id, created_at);

CREATE TABLE recommendation (
    id                     UUID PRIMARY KEY,
    intake_id              UUID NOT NULL REFERENCES intake (id),
    client_id              UUID NOT NULL REFERENCES client (id),
    municipality_code      VARCHAR(6) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    horizon_months         INTEGER NOT NULL,
    model_version          VARCHAR(100) NOT NULL,
    effect_model_version   VARCHAR(100) NOT NULL,
    top_intervention_code  VARCHAR(40) NOT NULL,
    body                   VARCHAR(65535) NOT NULL
);
CREATE INDEX recommendation_intake ON recommendation (intake_id, created_at);
CREATE INDEX recommendation_client ON recommendation (client_id, created_at);

CREATE TABLE decision (
    id                     UUID PRIMARY KEY,
    intake_id              UUID NOT NULL REFERENCES intake (id),
    client_id              UUID NOT NULL REFERENCES client (id),
    recommendation_id      UUID NOT NULL REFERENCES recommendation (id),
    municipality_code      VARCHAR(6) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    intervention_codes     VARCHAR(1000) NOT NULL,
    klantmanager_id        VARCHAR(64) NOT NULL,
    recommended_code       VARCHAR(40) NOT NULL,
    score_category         INTEGER NOT NULL,
    adjusted_category      INTEGER,
    override               BOOLEAN NOT NULL,
    reason_code            VARCHAR(40),
    note                   VARCHAR(2000),
    model_version          VARCHAR(100) NOT NULL,
    effect_model_version   VARCHAR(100) NOT NULL
);
CREATE INDEX decision_client ON decision (client_id, created_at);

CREATE TABLE outcome (
    id                 UUID PRIMARY KEY,
    client_id          UUID NOT NULL REFERENCES client (id),
    decision_id        UUID REFERENCES decision (id),
    municipality_code  VARCHAR(6) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    observed_on        DATE NOT NULL,
    status             VARCHAR(20) NOT NULL,
    hours_per_week     DOUBLE PRECISION,
    participation_rung INTEGER,
    model_version      VARCHAR(100) NOT NULL
);
CREATE INDEX outcome_client ON outcome (client_id, created_at);
