-- The outbox reads requests oldest first, a batch after the last one sent: with this index each
-- batch is a walk along it, not a sort of every request. Ties in created_at go by rowid (every
-- SQLite index ends with it), the order they were saved in, as staff lists have always shown.
CREATE INDEX requests_by_age ON requests (created_at);
