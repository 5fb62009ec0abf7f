-- The trail's global number is drawn by the insert itself, from the same sequence, instead of by a
-- separate nextval before it: one round trip less for every audited act (issue #12). The number is
-- still drawn inside the appending transaction, in the order entries are written, as before.
ALTER TABLE audit_entry ALTER COLUMN seq SET DEFAULT nextval('audit_entry_seq');
