-- The central store: every kiosk's callback requests, its anonymous usage counts and its
-- heartbeats. Kiosks may only add rows, each under its own name; the desk reads and updates.
--
-- A row's kiosk_id is never sent by the kiosk: it is the default, the kiosk's login role
-- kiosk_<id> without its prefix, and kiosks may not write that column. So a kiosk cannot add
-- rows for another, with no row-level security (which would forbid the COPY that makes a push
-- fast).

-- Group roles. Roles belong to the whole server, not to this database, so they are made only
-- when missing (a second database on the same server shares them). Nobody logs in as these:
-- each kiosk has its own login role kiosk_<id> in kiosk_sync (`kiosk central add-kiosk`), each
-- front-desk login is made a member of desk.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiosk_sync') THEN
        CREATE ROLE kiosk_sync NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'desk') THEN
        CREATE ROLE desk NOLOGIN;
    END IF;
END
$$;

-- Only the store's own roles may connect. Kiosks need TEMPORARY too: a push that finds some
-- of its requests already there goes through a temporary table (kiosk/central/push.py).
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO kiosk_sync', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO desk', current_database());
END
$$;

-- One row per callback request, keyed by the UUID the kiosk gave it when it was saved: a push
-- that is retried (the kiosk never heard the commit) adds nothing (ON CONFLICT (id) DO NOTHING).
CREATE TABLE requests (
    id                uuid PRIMARY KEY,
    kiosk_id          text NOT NULL DEFAULT substr(current_user, length('kiosk_') + 1),
    reference         text NOT NULL,
    created_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    phone_e164        text NOT NULL,
    phone_extension   text NOT NULL DEFAULT '',
    days              text NOT NULL DEFAULT '',         -- as the kiosk keeps them: mon,wed
    periods           text NOT NULL DEFAULT '',         -- morning,afternoon,evening
    topic             text NOT NULL DEFAULT '',         -- topic:<slug> or spine:<region>
    note              text NOT NULL DEFAULT '',
    language          text NOT NULL,
    consent_text      text NOT NULL,
    consent_version   text NOT NULL,
    -- The desk's side: set by staff, never by a kiosk.
    status            text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'called', 'done')),
    status_changed_at timestamptz,
    status_changed_by text
);

-- The desk's list: what is still to call, newest first; one kiosk's; one day's.
CREATE INDEX requests_by_status ON requests (status, created_at);
CREATE INDEX requests_by_kiosk ON requests (kiosk_id, created_at);
CREATE INDEX requests_by_day ON requests (created_at);
-- What arrived since the desk last looked (a kiosk back from an outage sends old requests).
CREATE INDEX requests_by_arrival ON requests (received_at);

-- Anonymous usage: each kiosk's count of an event on a (local) day, as it grows. A kiosk may
-- only add rows, so a grown count is a new row; the usage view keeps the largest.
CREATE TABLE usage_counts (
    kiosk_id    text NOT NULL DEFAULT substr(current_user, length('kiosk_') + 1),
    day         date NOT NULL,
    event       text NOT NULL,
    subject     text NOT NULL DEFAULT '',
    count       integer NOT NULL CHECK (count >= 0),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk_id, day, event, subject, count)
);

CREATE VIEW usage AS
    SELECT kiosk_id, day, event, subject, max(count) AS count
    FROM usage_counts
    GROUP BY kiosk_id, day, event, subject;

-- Each kiosk says it is alive once a minute or so: what it runs, how far its outbox is behind
-- and how its disk is. received_at is the server's clock; sent_at the kiosk's.
CREATE TABLE heartbeats (
    kiosk_id        text NOT NULL DEFAULT substr(current_user, length('kiosk_') + 1),
    received_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at         timestamptz NOT NULL,
    version         text NOT NULL,
    last_sync_at    timestamptz,
    pending         integer NOT NULL CHECK (pending >= 0),
    free_disk_bytes bigint NOT NULL,
    crash_count     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (kiosk_id, received_at)
);

-- The fleet: each kiosk's last heartbeat.
CREATE VIEW fleet AS
    SELECT DISTINCT ON (kiosk_id) *
    FROM heartbeats
    ORDER BY kiosk_id, received_at DESC;

-- Privileges. Nothing for PUBLIC. A kiosk may INSERT the columns it knows and nothing else: not
-- kiosk_id (its default names the kiosk), no SELECT (it cannot read any request, its own
-- included), no UPDATE, no DELETE.
REVOKE ALL ON requests, usage_counts, heartbeats, usage, fleet FROM PUBLIC;
GRANT INSERT (id, reference, created_at, first_name, last_name, phone_e164, phone_extension,
              days, periods, topic, note, language, consent_text, consent_version)
    ON requests TO kiosk_sync;
GRANT INSERT (day, event, subject, count) ON usage_counts TO kiosk_sync;
GRANT INSERT (sent_at, version, last_sync_at, pending, free_disk_bytes, crash_count)
    ON heartbeats TO kiosk_sync;
GRANT SELECT ON requests, usage_counts, heartbeats, usage, fleet TO desk;
GRANT UPDATE (status, status_changed_at, status_changed_by) ON requests TO desk;
