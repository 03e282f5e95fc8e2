-- Keys are also held per consultation ("consultation:<id>", Chatham House attribution), longer than a person's id.
ALTER TABLE person_key ALTER COLUMN person_id TYPE VARCHAR(100);
