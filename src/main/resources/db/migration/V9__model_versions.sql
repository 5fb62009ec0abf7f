-- The model registry with a memory. A model version is a set the service can answer with (a
-- distance model, an effect model or none, and the catalogue), numbered by a sequence: two
-- registrations at once never get the same number. Which version is active and which one shadows
-- it is one row (model_pointer) that a promotion or rollback moves with a compare-and-set update,
-- in the same transaction that appends its event to model_event; a version's status (candidate,
-- shadow, active, retired) follows from that row and those events, so it is never stored twice.
CREATE SEQUENCE model_version_number START WITH 1;

CREATE TABLE model_version (
    version           BIGINT PRIMARY KEY,
    distance_version  VARCHAR(100) NOT NULL REFERENCES model_artefact (version),
    effects_version   VARCHAR(100) REFERENCES model_artefact (version),
    catalogue_version VARCHAR(100) NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by     VARCHAR(1000) NOT NULL,
    -- JSON: where the version came from (training run, data hash, size, period, code version, settings)
    provenance        VARCHAR(20000) NOT NULL,
    -- the evaluation report against the version that was active when it was made; JSON and HTML
    report_json       BYTEA,
    report_html       BYTEA,
    report_sha256     VARCHAR(64),
    evaluated_against BIGINT REFERENCES model_version (version)
);

-- Exactly one row. NULL active_version: not seeded yet.
CREATE TABLE model_pointer (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    active_version BIGINT REFERENCES model_version (version),
    shadow_version BIGINT REFERENCES model_version (version),
    changed_at     TIMESTAMP WITH TIME ZONE
);
INSERT INTO model_pointer (id, active_version, shadow_version, changed_at) VALUES (1, NULL, NULL, NULL);

-- A data scientist's proposal to make a version active, decided by an admin who is someone else.
CREATE TABLE model_promotion (
    id              UUID PRIMARY KEY,
    version         BIGINT NOT NULL REFERENCES model_version (version),
    from_version    BIGINT NOT NULL REFERENCES model_version (version),
    report_sha256   VARCHAR(64) NOT NULL,
    proposed_by     VARCHAR(1000) NOT NULL,
    proposed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    state           VARCHAR(20) NOT NULL,
    decided_by      VARCHAR(1000),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_reason VARCHAR(2000)
);

-- Append-only: every move of the pointer. ACTIVATED events answer "which version was live at t".
CREATE SEQUENCE model_event_seq START WITH 1;
CREATE TABLE model_event (
    seq           BIGINT PRIMARY KEY,
    id            UUID NOT NULL UNIQUE,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    from_version  BIGINT REFERENCES model_version (version),
    to_version    BIGINT REFERENCES model_version (version),
    actor         VARCHAR(1000) NOT NULL,
    proposed_by   VARCHAR(1000),
    reason        VARCHAR(2000) NOT NULL,
    report_sha256 VARCHAR(64),
    promotion_id  UUID REFERENCES model_promotion (id)
);
CREATE INDEX model_event_time ON model_event (occurred_at);

-- An installation that already has active artefacts: they become version 1, live since now.
INSERT INTO model_version (version, distance_version, effects_version, catalogue_version, registered_at, registered_by, provenance)
SELECT nextval('model_version_number'), d.version,
       (SELECT e.version FROM model_artefact e WHERE e.kind = 'effects' AND e.active), 'catalogue-1', CURRENT_TIMESTAMP,
       'migration V9', '{"source":"the artefacts active before versions were numbered"}'
FROM model_artefact d WHERE d.kind = 'distance' AND d.active;
UPDATE model_pointer SET active_version = (SELECT max(version) FROM model_version), changed_at = CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM model_version);
INSERT INTO model_event (seq, id, occurred_at, kind, from_version, to_version, actor, reason)
SELECT nextval('model_event_seq'), gen_random_uuid(), CURRENT_TIMESTAMP, 'SEEDED', NULL, version, 'migration V9',
       'the artefacts active before versions were numbered'
FROM model_version;

-- The pointer now says what is active; the per-artefact flag would be a second source of that fact.
DROP INDEX model_artefact_kind;
ALTER TABLE model_artefact DROP COLUMN active;
CREATE INDEX model_artefact_kind ON model_artefact (kind);
