-- The members register read model, fed by tcy.membership.v1.
CREATE TABLE register_member (
    id                       VARCHAR(64)  PRIMARY KEY,
    name                     VARCHAR(200) NOT NULL,
    kind                     VARCHAR(20)  NOT NULL,
    council_of_europe_member BOOLEAN      NOT NULL
);

CREATE TABLE register_treaty (
    member_id           VARCHAR(64) NOT NULL REFERENCES register_member (id),
    treaty              VARCHAR(10) NOT NULL,
    signed_on           DATE,
    instrument          VARCHAR(20),
    deposited_on        DATE,
    entry_into_force_on DATE,
    PRIMARY KEY (member_id, treaty)
);
