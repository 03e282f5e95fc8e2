-- A gap heals when the missing events arrive (a publisher retry can deliver an aggregate's later event first);
-- an unhealed gap keeps the consumer's readiness DOWN.
ALTER TABLE consumed_gap ADD COLUMN healed_at TIMESTAMPTZ;
