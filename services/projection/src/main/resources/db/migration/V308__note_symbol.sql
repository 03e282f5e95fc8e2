-- a guidance note's version names its document (a symbol of the register), when the secretariat gave one
ALTER TABLE note_version ADD COLUMN symbol text;
