-- The outbox reads requests oldest first, a batch after the last one sent ((created_at, id) >
-- (?, ?)): with this index each batch is a walk along it, not a sort of every request.
CREATE INDEX requests_by_age ON requests (created_at, id);
