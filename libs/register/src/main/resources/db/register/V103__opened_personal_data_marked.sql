-- Columns that hold personal data opened through membership's keyholder are marked, so that a copy no consumer keeps
-- up to date (the schema a rebuild with differences keeps for inspection) can find and empty them: erasure would
-- never reach it. Mark every such column the same way.
COMMENT ON COLUMN register_contact_point.phone IS 'opened personal data';
COMMENT ON COLUMN register_contact_point.email IS 'opened personal data';
