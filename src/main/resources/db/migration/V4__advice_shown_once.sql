-- Advice is recorded once per intake, horizon and versions (distance model, effect model,
-- catalogue), however often it is shown; each showing is in the audit trail. Rows from before
-- have no catalogue version (NULL), so they never collide with each other or with new rows.
ALTER TABLE recommendation ADD COLUMN catalogue_version VARCHAR(100);
ALTER TABLE recommendation ADD CONSTRAINT recommendation_shown_once
    UNIQUE (intake_id, horizon_months, model_version, effect_model_version, catalogue_version);

-- Which advice was shown last is read from the audit trail, by resource.
CREATE INDEX audit_entry_resource ON audit_entry (resource_id, seq);
