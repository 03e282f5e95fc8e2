-- Several consumer groups of one service may read the same topic (the projection's read models and its audit log):
-- what each has applied is recorded per group.
ALTER TABLE consumed_event ADD COLUMN consumer_group VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE consumed_event DROP CONSTRAINT consumed_event_pkey;
ALTER TABLE consumed_event ADD PRIMARY KEY (consumer_group, event_id);
ALTER TABLE consumed_position ADD COLUMN consumer_group VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE consumed_position DROP CONSTRAINT consumed_position_pkey;
ALTER TABLE consumed_position ADD PRIMARY KEY (consumer_group, source, subject);
ALTER TABLE consumed_gap ADD COLUMN consumer_group VARCHAR(255) NOT NULL DEFAULT '';
