-- The front desk's own data, when the kiosks sync (issue 17): staff accounts (argon2id hashes of
-- their PINs), the sign-in counter behind the lockout after wrong PINs (kept here, so closing
-- and opening the desk app does not cut a wait short), and the audit log of what staff did at
-- the desk. In a schema of its own, apart from what kiosks send; kiosks have no right on it.

CREATE SCHEMA staff;
REVOKE ALL ON SCHEMA staff FROM PUBLIC;
GRANT USAGE ON SCHEMA staff TO desk;

-- Added by the IT person (`kiosk desk add-staff`, as the store's owner), never by the desk.
CREATE TABLE staff.accounts (
    name       text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
    pin_hash   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row: wrong PINs in a row at any desk, and when the last one was (the server's clock).
CREATE TABLE staff.signin_failures (
    id              integer PRIMARY KEY CHECK (id = 1),
    count           integer NOT NULL DEFAULT 0 CHECK (count >= 0),
    last_failure_at timestamptz
);
INSERT INTO staff.signin_failures (id, count) VALUES (1, 0);

-- What staff did: signed in, marked a request called or done, exported. `desk` is the desk
-- PC's login role, filled in by the server (the desk cannot write it); `detail` holds counts
-- and references, never a patient's name, phone number or note.
CREATE TABLE staff.audit (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    desk   text NOT NULL DEFAULT current_user,
    staff  text NOT NULL DEFAULT '',
    action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND length(action) <= 40),
    detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 300)
);
CREATE INDEX audit_by_time ON staff.audit (at);

-- Append-only, for the owner too: an entry is never changed or removed.
CREATE FUNCTION staff.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_append_only
    BEFORE UPDATE OR DELETE ON staff.audit
    FOR EACH ROW EXECUTE FUNCTION staff.audit_is_append_only();
CREATE TRIGGER audit_no_truncate
    BEFORE TRUNCATE ON staff.audit
    FOR EACH STATEMENT EXECUTE FUNCTION staff.audit_is_append_only();

REVOKE ALL ON ALL TABLES IN SCHEMA staff FROM PUBLIC;
-- The desk checks a PIN against the hashes and re-hashes one made with older settings.
GRANT SELECT (name, pin_hash) ON staff.accounts TO desk;
GRANT UPDATE (pin_hash) ON staff.accounts TO desk;
GRANT SELECT, UPDATE (count, last_failure_at) ON staff.signin_failures TO desk;
GRANT SELECT, INSERT (staff, action, detail) ON staff.audit TO desk;
