-- The audit trail becomes 16 hash chains instead of one, so that concurrent writers (threads and
-- instances) no longer queue on a single head row: each transaction appends to one chain, locking
-- only that chain's head. Every chain is tamper-evident on its own (each entry's hash covers its
-- predecessor in the chain and its place in it), and the verifier checks all of them.
--
-- chain and chain_seq place an entry in its chain; seq stays the trail's global number (the
-- listing's order), now drawn from a sequence. The entries written before are chain 1, in their
-- order: their chain_seq is their seq, so their hashes stay valid.
ALTER TABLE audit_entry ADD COLUMN chain INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT;
UPDATE audit_entry SET chain_seq = seq;
ALTER TABLE audit_entry ALTER COLUMN chain_seq SET NOT NULL;
CREATE UNIQUE INDEX audit_entry_chain_link ON audit_entry (chain, chain_seq);

-- The global number continues after the last entry. The one chain had no gaps (seq 1..n, which its
-- verifier enforced), so drawing one number per existing entry puts the sequence at n: the same
-- statement on H2 and PostgreSQL, which share no way to set a sequence to a computed value.
CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 1;
SELECT nextval('audit_entry_seq') FROM audit_entry;

-- Heads of chains 2..16 (1 exists), each starting from the genesis hash.
INSERT INTO audit_head (id, last_seq, last_hash)
SELECT n, 0, '0000000000000000000000000000000000000000000000000000000000000000'
FROM (VALUES (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16)) AS chains (n);
