-- Append-only, hash-chained audit trail: who (account, roles, municipality) did or saw what, when,
-- on which model version. Each entry's hash covers the previous entry's hash, so altering or
-- removing an entry breaks the chain from there on. No personal data: ids and codes only.
CREATE TABLE audit_entry (
    seq               BIGINT PRIMARY KEY,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    roles             VARCHAR(200) NOT NULL,
    municipality_code VARCHAR(6),
    action            VARCHAR(40)  NOT NULL,
    resource_type     VARCHAR(40)  NOT NULL,
    resource_id       VARCHAR(64),
    model_version     VARCHAR(100),
    previous_hash     VARCHAR(64)  NOT NULL,
    entry_hash        VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_municipality ON audit_entry (municipality_code, seq);

-- The head of the chain, locked while an entry is appended so that concurrent writers (also on
-- other instances) queue instead of forking the chain.
CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
