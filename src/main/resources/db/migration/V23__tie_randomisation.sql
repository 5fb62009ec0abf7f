-- Randomisation among tied options (issue #11.7). A municipality switches it on or off; every change
-- is a row of its own (who, when) and none is ever updated, so the setting in force at any moment is
-- the latest change before it. Without any change a municipality has it off.
CREATE TABLE tie_randomisation_change (
    id                UUID PRIMARY KEY,
    municipality_code VARCHAR(6)    NOT NULL,
    enabled           BOOLEAN       NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by        VARCHAR(1000) NOT NULL
);
CREATE INDEX tie_randomisation_change_in_force ON tie_randomisation_change (municipality_code, changed_at);

-- A draw among the options tied with the top of one advice shown, with the probability each had and
-- the setting change that allowed it. At most one per advice: a draw that could be repeated until it
-- pleased would not have the probabilities it records.
CREATE TABLE tie_draw (
    id                 UUID PRIMARY KEY,
    intake_id          UUID          NOT NULL REFERENCES intake (id),
    client_id          UUID          NOT NULL REFERENCES client (id),
    recommendation_id  UUID          NOT NULL REFERENCES recommendation (id),
    municipality_code  VARCHAR(6)    NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    setting_change_id  UUID          NOT NULL REFERENCES tie_randomisation_change (id),
    -- JSON array of {interventionCode, probability}, in the advice's rank order
    candidates         VARCHAR(4000) NOT NULL,
    -- JSON array of the codes the klantmanager left out of the draw
    excluded           VARCHAR(4000) NOT NULL,
    drawn_code         VARCHAR(40)   NOT NULL,
    drawn_by           VARCHAR(1000) NOT NULL,
    CONSTRAINT tie_draw_once_per_advice UNIQUE (recommendation_id)
);
CREATE INDEX tie_draw_intake ON tie_draw (intake_id, created_at);

-- The draw a decision was taken after, if any.
ALTER TABLE decision ADD COLUMN draw_id UUID;
ALTER TABLE decision ADD CONSTRAINT decision_draw FOREIGN KEY (draw_id) REFERENCES tie_draw (id);
