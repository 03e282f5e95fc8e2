-- What the Treaty Office chart and the 24/7 network directory need (domain.md §1).

-- A signature without reservation as to ratification is the member's consent to be bound (the protocols allow it):
-- its date is the consent date, and its entry into force runs from it as from a deposit (null: derived from the
-- treaty's own date once that is recorded).
ALTER TABLE register_treaty ADD COLUMN signed_without_reservation BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE register_treaty ADD COLUMN signature_entry_into_force_on DATE;

-- Reservations, declarations, territorial applications and designated authorities, each in force from its
-- effective_on: those made with the instrument (source DEPOSIT, replaced when the deposit is corrected) and those
-- notified later (source NOTIFICATION). A withdrawal is a row of its own (RESERVATION_WITHDRAWN,
-- DECLARATION_WITHDRAWN) that ends, from its effective_on, the statements of that kind on its article made before.
CREATE TABLE register_statement (
    member_id    VARCHAR(64)  NOT NULL REFERENCES register_member (id),
    treaty       VARCHAR(10)  NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    position     INTEGER      NOT NULL,
    source       VARCHAR(12)  NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    article      TEXT,
    effective_on DATE         NOT NULL,
    PRIMARY KEY (member_id, treaty, event_id, position)
);
CREATE INDEX register_statement_by_kind ON register_statement (treaty, kind, member_id);

-- The units of the 24/7 network (Article 35), each in force from designated_on (null: from ever, a designation
-- recorded before that field) until ended_on (withdrawn, or replaced by a designation). A designated contact point
-- (designated = true; its unit_id is its person's id) has its phone and email sealed with the person's key: opened,
-- they are person_phone and person_email. A further unit is an institution whose phone, email and hours are in
-- clear, with an optional named person (person_name, opened). Opened columns read "[erased]" after erasure.
CREATE TABLE register_network_unit (
    member_id     VARCHAR(64)  NOT NULL REFERENCES register_member (id),
    unit_id       VARCHAR(100) NOT NULL,
    designated    BOOLEAN      NOT NULL,
    institution   TEXT         NOT NULL,
    phone         TEXT,
    email         TEXT,
    hours         TEXT,
    person_id     VARCHAR(100),
    sealed        TEXT,
    erased        BOOLEAN      NOT NULL DEFAULT false,
    person_name   TEXT,
    person_phone  TEXT,
    person_email  TEXT,
    designated_on DATE,
    ended_on      DATE,
    PRIMARY KEY (member_id, unit_id)
);
CREATE INDEX register_network_unit_by_person ON register_network_unit (person_id);
COMMENT ON COLUMN register_network_unit.person_name IS 'opened personal data';
COMMENT ON COLUMN register_network_unit.person_phone IS 'opened personal data';
COMMENT ON COLUMN register_network_unit.person_email IS 'opened personal data';

-- The contact points designated before this migration are the network's first units (from ever, as their events
-- carry no designation date), so that the directory holds them without a rebuild.
INSERT INTO register_network_unit (member_id, unit_id, designated, institution, person_id, sealed, erased,
                                   person_phone, person_email)
SELECT member_id, person_id, true, unit, person_id, sealed, erased, phone, email FROM register_contact_point;
