-- Where each stream stood at the last signed checkpoint (CheckpointWriter): the next checkpoint lists the heads that
-- moved since. Kept apart from event_chain_head, whose rows writers lock while they append.
CREATE TABLE checkpointed_head (
    aggregate_identifier VARCHAR(255) PRIMARY KEY,
    sequence_number      BIGINT       NOT NULL,
    hash                 CHAR(64)     NOT NULL
);
