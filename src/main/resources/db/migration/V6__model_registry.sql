-- The model registry: every model artefact the service may answer with (its bytes, its card and
-- the SHA-256 of both, checked again whenever it is loaded) and which version of each kind is
-- active. Seeded from the models directory when the table is empty. Versions are unique across
-- kinds (they carry the kind: distance-1.0.0, effects-1.0.0). BYTEA is VARBINARY on H2.
CREATE TABLE model_artefact (
    version       VARCHAR(100) PRIMARY KEY,
    kind          VARCHAR(40)  NOT NULL,
    content       BYTEA        NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    card          BYTEA        NOT NULL,
    card_sha256   VARCHAR(64)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX model_artefact_kind ON model_artefact (kind, active);

-- A decision names the catalogue of the advice it was compared with, as the advice does.
-- Decisions recorded before keep NULL.
ALTER TABLE decision ADD COLUMN catalogue_version VARCHAR(100);
