-- The draw for an option's last places among near-tied clients (issue #14.5): a run made while the
-- municipality's tie randomisation was on names the setting change that allowed the draw, and each
-- proposal in a draw the probability with which it got what it was given. Null: no draw.
ALTER TABLE allocation_run ADD COLUMN tie_randomisation_change_id UUID REFERENCES tie_randomisation_change (id);
ALTER TABLE allocation_proposal ADD COLUMN draw_probability DOUBLE PRECISION;
