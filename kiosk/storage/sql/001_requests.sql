-- Callback requests, one row each. Patient data lives only in this (encrypted) database.
-- The id is a UUID so that a later central sync can retry without making duplicates.
CREATE TABLE requests (
    id                TEXT PRIMARY KEY,
    reference         TEXT NOT NULL,
    created_at        TEXT NOT NULL,               -- ISO 8601, UTC
    status            TEXT NOT NULL DEFAULT 'new'
                      CHECK (status IN ('new', 'exported', 'done')),
    status_changed_at TEXT,
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    phone_e164        TEXT NOT NULL,
    phone_extension   TEXT NOT NULL DEFAULT '',
    days              TEXT NOT NULL DEFAULT '',    -- comma-separated: mon,tue,...
    periods           TEXT NOT NULL,               -- comma-separated: morning,afternoon,evening
    topic             TEXT NOT NULL DEFAULT '',    -- topic:<slug> or spine:<region>
    note              TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL,
    consent_text      TEXT NOT NULL,
    consent_version   TEXT NOT NULL
);

CREATE INDEX requests_by_status ON requests (status, created_at);
