-- The right to erasure: a client's personal data are removed in place (the one exception to
-- append-only), and the moment is kept so that the erasure itself is on record.
ALTER TABLE client ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE intake ADD COLUMN erased BOOLEAN DEFAULT FALSE NOT NULL;
