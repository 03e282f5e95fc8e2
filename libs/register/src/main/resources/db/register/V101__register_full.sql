-- The rest of the register: invitations, denunciations, observer status, contact points, the treaties' own dates.
ALTER TABLE register_member ADD COLUMN invited_on DATE;
ALTER TABLE register_treaty ADD COLUMN denounced_on DATE;
ALTER TABLE register_treaty ADD COLUMN denunciation_effective_on DATE;

CREATE TABLE register_observer_period (
    member_id  VARCHAR(64) NOT NULL REFERENCES register_member (id),
    granted_on DATE        NOT NULL,
    ended_on   DATE,
    PRIMARY KEY (member_id, granted_on)
);

-- The 24/7 point of contact: the unit in clear; phone and email stay sealed with the person's key, so that the
-- erasure of that key leaves nothing readable here either.
CREATE TABLE register_contact_point (
    member_id         VARCHAR(64) PRIMARY KEY REFERENCES register_member (id),
    person_id         VARCHAR(64) NOT NULL,
    unit              VARCHAR(200) NOT NULL,
    sealed            TEXT,
    erased            BOOLEAN     NOT NULL DEFAULT false
);

CREATE TABLE register_treaty_in_force (
    treaty      VARCHAR(10) PRIMARY KEY,
    in_force_on DATE        NOT NULL
);
