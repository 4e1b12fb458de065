-- Staff sign-in, the audit log and anonymous usage counts. No patient data lives in these tables:
-- audit details hold counts and folders, usage rows hold a day, an event and a page slug.

-- Staff who may open the staff screen. Names are compared without case: "ana" is "Ana".
CREATE TABLE staff (
    name       TEXT PRIMARY KEY COLLATE NOCASE,
    pin_hash   TEXT NOT NULL,                   -- argon2id, PHC string ($argon2id$v=19$...)
    created_at TEXT NOT NULL                    -- ISO 8601, UTC
);

-- Wrong PINs in a row since the last sign-in. One row, on disk, so that restarting the kiosk
-- does not wipe the wait that follows five wrong PINs.
CREATE TABLE signin_failures (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    count           INTEGER NOT NULL CHECK (count >= 0),
    last_failure_at TEXT                        -- ISO 8601, UTC; NULL when count is 0
);

INSERT INTO signin_failures (id, count, last_failure_at) VALUES (1, 0, NULL);

-- Every staff action, kept for good. staff is '' when no one is signed in (a wrong PIN, or
-- the kiosk itself, e.g. the daily purge).
CREATE TABLE audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: an id is never handed out twice
    at     TEXT NOT NULL,                      -- ISO 8601, UTC
    staff  TEXT NOT NULL,
    action TEXT NOT NULL,                      -- snake_case: sign_in, staff_added, ...
    detail TEXT NOT NULL DEFAULT ''
);

-- Append-only. This stops the application and a slip at the SQL prompt; someone holding the
-- database key can still drop the triggers, which is why the key is kept from staff.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- INSERT OR REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is
-- off), so an insert may not reuse an id.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Anonymous usage: how often each thing happened on each (local) day. No time of day, no
-- visit id, nothing that could be joined back to a request.
CREATE TABLE usage (
    day     TEXT NOT NULL,                      -- YYYY-MM-DD, the kiosk's local date
    event   TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',           -- a topic or region slug, or ''
    count   INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, event, subject)
);
