-- An Idempotency-Key replays the original answer only for the same request: the SHA-256 of the caller and
-- the normalised submission. Rows stored before have none, so their keys replay nothing (422).
alter table feedback_item add column idempotency_request_hash varchar(64);
