-- The Bureau (domain.md §2, Governance): every seat an ELECT_BUREAU decision filled, for its term (both days
-- included). The Bureau on a day is the seats whose term covers it; meetings refuses two seats of one member over
-- one day, so a member and the first day of a term name a seat.
CREATE TABLE bureau_seat (
    member_id   VARCHAR(64) NOT NULL,
    term_from   DATE        NOT NULL,
    term_until  DATE        NOT NULL,
    post        VARCHAR(20) NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    decision_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (member_id, term_from)
);
CREATE INDEX bureau_seat_term ON bureau_seat (term_from, term_until);

-- Working bodies: as ESTABLISH_WORKING_BODY set each up, every EXTEND_MANDATE, and the meetings scheduled as the
-- body's. The three come from different streams (partitions), so none refers to another: a meeting read before its
-- body is kept and shown once the body is.
CREATE TABLE working_body (
    id                 VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(300) NOT NULL,
    kind               VARCHAR(30)  NOT NULL,
    terms_of_reference VARCHAR(40),
    mandate_until      DATE         NOT NULL,
    meeting_id         VARCHAR(64)  NOT NULL,
    decision_id        VARCHAR(64)  NOT NULL,
    established_on     DATE         NOT NULL
);
CREATE TABLE working_body_member (
    body_id   VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (body_id, position)
);
CREATE TABLE working_body_extension (
    body_id       VARCHAR(64) NOT NULL,
    meeting_id    VARCHAR(64) NOT NULL,
    decision_id   VARCHAR(64) NOT NULL,
    mandate_until DATE        NOT NULL,
    extended_on   DATE        NOT NULL,
    PRIMARY KEY (body_id, meeting_id, decision_id)
);
CREATE TABLE working_body_meeting (
    meeting_id VARCHAR(64)  PRIMARY KEY,
    body_id    VARCHAR(64)  NOT NULL,
    kind       VARCHAR(30)  NOT NULL,
    title      VARCHAR(300) NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL
);
CREATE INDEX working_body_meeting_body ON working_body_meeting (body_id, starts_on);
