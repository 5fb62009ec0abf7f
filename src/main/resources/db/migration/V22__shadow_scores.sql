-- What a shadow model version answered for a live intake, beside what the active set answered, for
-- the comparison only (issue #11.6): never shown to a case system or klantmanager. One row per
-- intake and shadow version, written right after the intake's own transaction committed.
CREATE TABLE shadow_score (
    id                       UUID PRIMARY KEY,
    intake_id                UUID NOT NULL REFERENCES intake (id),
    client_id                UUID NOT NULL REFERENCES client (id),
    municipality_code        VARCHAR(6) NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    shadow_version           BIGINT NOT NULL,
    -- The shadow's models and its answer: score, and the ranking (codes in rank order) with the
    -- advice as it would have been shown (AdviceBody's shape) at 12 and 24 months.
    distance_model_version   VARCHAR(100) NOT NULL,
    effect_model_version     VARCHAR(100) NOT NULL,
    catalogue_version        VARCHAR(100) NOT NULL,
    probability              DOUBLE PRECISION NOT NULL,
    category                 INTEGER NOT NULL,
    ranking12                VARCHAR(1000) NOT NULL,
    ranking24                VARCHAR(1000) NOT NULL,
    advice12                 VARCHAR(65535) NOT NULL,
    advice24                 VARCHAR(65535) NOT NULL,
    -- The active set's answer for the same intake, computed from the same snapshot the intake was
    -- scored with (its score is the intake's own).
    active_effect_model_version VARCHAR(100) NOT NULL,
    active_ranking12         VARCHAR(1000) NOT NULL,
    active_ranking24         VARCHAR(1000) NOT NULL,
    CONSTRAINT shadow_score_once UNIQUE (intake_id, shadow_version)
);
CREATE INDEX shadow_score_version ON shadow_score (shadow_version, municipality_code);
CREATE INDEX shadow_score_client ON shadow_score (client_id);
