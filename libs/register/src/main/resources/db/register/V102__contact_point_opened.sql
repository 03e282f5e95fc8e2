-- The contact point's phone and email as opened through membership's keyholder endpoint, "[erased]" after erasure.
ALTER TABLE register_contact_point ADD COLUMN phone VARCHAR(200);
ALTER TABLE register_contact_point ADD COLUMN email VARCHAR(200);
