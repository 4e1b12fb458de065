-- The desk's live list: it LISTENs on new_requests and reads what is new with its own SELECT.
-- One notice per push that added rows (a batch of 500 is one notice, a retried batch that added
-- nothing is none), with no payload: a notice never carries patient data.
CREATE FUNCTION notify_new_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM added) THEN
        PERFORM pg_notify('new_requests', '');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER requests_notify_desk
    AFTER INSERT ON requests
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION notify_new_requests();
