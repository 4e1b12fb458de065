-- Retention at the front desk (issue 17): requests that staff marked done are deleted from the
-- central store a number of days after that, as a single kiosk deletes its own. The desk may
-- not DELETE rows itself; it may call this one function, which deletes only done requests
-- older than the days given (at least one) and writes what it did to the audit log, in the
-- same transaction. It runs with its owner's rights (SECURITY DEFINER), so its search_path is
-- fixed: nothing the caller creates can stand in for the tables it names.

CREATE FUNCTION staff.purge_done(keep_days integer, by_staff text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    IF keep_days IS NULL OR keep_days < 1 THEN
        RAISE EXCEPTION 'keep done requests at least one day';
    END IF;
    DELETE FROM public.requests
        WHERE status = 'done' AND status_changed_at < now() - make_interval(days => keep_days);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    INSERT INTO staff.audit (desk, staff, action, detail)
        VALUES (session_user, coalesce(by_staff, ''), 'purge',
                format('%s done requests older than %s days deleted', deleted, keep_days));
    RETURN deleted;
END
$$;

REVOKE ALL ON FUNCTION staff.purge_done(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff.purge_done(integer, text) TO desk;
