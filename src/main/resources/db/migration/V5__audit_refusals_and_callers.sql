-- The caller is stored as long as any valid token's subject (up to 1000 characters; longer
-- tokens are refused with 401); the roles column holds only Trede's own role names.
ALTER TABLE audit_entry ALTER COLUMN actor SET DATA TYPE VARCHAR(1000);
-- Why an attempt was refused (action REFUSED), or what is remarkable about an act.
ALTER TABLE audit_entry ADD COLUMN detail VARCHAR(60);

-- A decision names a klantmanager in its body; it now also records who really recorded it (the
-- token's subject) and flags a klantmanager recording under another klantmanager's id. Decisions
-- from before this migration have no recorded caller.
ALTER TABLE decision ADD COLUMN recorded_by VARCHAR(1000);
ALTER TABLE decision ADD COLUMN klantmanager_id_is_not_caller BOOLEAN DEFAULT FALSE NOT NULL;
