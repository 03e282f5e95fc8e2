-- The checkpoint writer streams every signed head in the order of its subject's bytes (the Merkle tree's leaf order,
-- COLLATE "C"): this index gives it that order without sorting the table on every checkpoint.
CREATE INDEX checkpointed_head_in_byte_order ON checkpointed_head (aggregate_identifier COLLATE "C");
