-- What a municipality can offer in a period: places and cost per place of each intervention, and
-- the overall budget, set by a team lead. Append-only: every change is a new version, and the
-- highest version of a municipality and period is the plan in force; allocation runs name the
-- version they used.
CREATE TABLE capacity_plan (
    id                UUID PRIMARY KEY,
    municipality_code VARCHAR(6)      NOT NULL,
    period            VARCHAR(7)      NOT NULL,
    version           INTEGER         NOT NULL,
    budget_euros      DOUBLE PRECISION NOT NULL,
    -- JSON array of {interventionCode, places, costEuros}
    places            VARCHAR(65535)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(1000)   NOT NULL,
    CONSTRAINT capacity_plan_version UNIQUE (municipality_code, period, version)
);
