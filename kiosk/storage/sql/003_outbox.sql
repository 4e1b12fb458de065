-- The outbox of `kiosk sync` ([sync] in the configuration): a request is in the central store
-- once it has a row here, and its personal fields were wiped on this kiosk when wiped_at is
-- set. A kiosk without [sync] never writes to these tables. A request the retention purge
-- deletes takes its row with it.
CREATE TABLE synced (
    id        TEXT PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    synced_at TEXT NOT NULL,                    -- ISO 8601, UTC: the central commit returned
    wiped_at  TEXT                              -- ISO 8601, UTC
);

CREATE INDEX synced_to_wipe ON synced (synced_at) WHERE wiped_at IS NULL;

-- The usage counts the central store last heard of, so that only a grown count is sent again.
CREATE TABLE usage_synced (
    day     TEXT NOT NULL,
    event   TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    count   INTEGER NOT NULL,
    PRIMARY KEY (day, event, subject)
);
