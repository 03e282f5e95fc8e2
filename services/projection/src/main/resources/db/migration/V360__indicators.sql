-- The indicators (domain.md §5): when each consultation of the Cloud Evidence Group began, to count those held per year.
-- Fed by its own consumer group (projection-indicators), so that a deployment fills it from the topic's history.
CREATE TABLE indicator_consultation (
    consultation_id VARCHAR(64) PRIMARY KEY,
    opens_on        DATE        NOT NULL
);
