-- An allocation run: the proposal of which client of a cohort gets which intervention within a
-- capacity plan, with what it is expected to gain. The run's summary (totals, shadow prices, the
-- gain-against-budget curve, comparisons) is JSON in its row; each client's proposal is a row of its
-- own, so that the klantmanager's advice can show it beside the ranking.
CREATE TABLE allocation_run (
    id                    UUID PRIMARY KEY,
    municipality_code     VARCHAR(6)    NOT NULL,
    period                VARCHAR(7)    NOT NULL,
    horizon_months        INTEGER       NOT NULL,
    capacity_plan_id      UUID          NOT NULL REFERENCES capacity_plan (id),
    effect_model_version  VARCHAR(100)  NOT NULL,
    catalogue_version     VARCHAR(100)  NOT NULL,
    summary               VARCHAR(1000000) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(1000) NOT NULL
);
CREATE INDEX allocation_run_period ON allocation_run (municipality_code, period, created_at);

CREATE TABLE allocation_proposal (
    id                 UUID PRIMARY KEY,
    run_id             UUID         NOT NULL REFERENCES allocation_run (id),
    intake_id          UUID         NOT NULL REFERENCES intake (id),
    client_id          UUID         NOT NULL REFERENCES client (id),
    municipality_code  VARCHAR(6)   NOT NULL,
    position           INTEGER      NOT NULL,
    -- NONE when the run gives the client nothing
    intervention_code  VARCHAR(40)  NOT NULL,
    own_best_code      VARCHAR(40)  NOT NULL,
    -- the expected effect and its 95 % interval (percentage points); null once the client's data are erased
    effect             DOUBLE PRECISION,
    effect_lower       DOUBLE PRECISION,
    effect_upper       DOUBLE PRECISION,
    near_tie           BOOLEAN      NOT NULL,
    near_tie_with      VARCHAR(40),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX allocation_proposal_run ON allocation_proposal (run_id, position);
CREATE INDEX allocation_proposal_intake ON allocation_proposal (intake_id, created_at);
