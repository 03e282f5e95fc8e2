-- Every follow-up assessment of a recommendation by a Party, not only the latest (report_follow_up): the follow-up
-- matrix over time. One row per FollowUpRecorded event. A projection that consumed follow-ups before this table
-- existed has none of them here; a rebuild (POST /audit/rebuild) fills it from the topic.
CREATE TABLE report_follow_up_history (
    event_id          VARCHAR(64) PRIMARY KEY,
    cycle_id          VARCHAR(64) NOT NULL,
    recommendation_id VARCHAR(20) NOT NULL,
    party_id          VARCHAR(64) NOT NULL,
    status            VARCHAR(20) NOT NULL,
    assessed_on       DATE        NOT NULL,
    note              TEXT
);
CREATE INDEX report_follow_up_history_cycle ON report_follow_up_history (cycle_id);
