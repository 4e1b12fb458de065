-- The desk's daily job (issue 17; ARCHITECTURE.md, "on paper"): heartbeats older than a week
-- go, except each kiosk's last (the fleet must never forget a kiosk that went quiet), and of
-- the rows of a usage counter on one day only the largest stays (kiosks only insert, so a grown
-- count is a new row; the `usage` view reads the largest anyway). Neither holds patient data.
-- The desk may not DELETE; it calls this, which runs with its owner's rights and a fixed
-- search_path, and writes what it did to the audit log in the same transaction.

CREATE FUNCTION staff.daily_prune(by_staff text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    beats integer;
    counts integer;
BEGIN
    DELETE FROM public.heartbeats h
        WHERE h.received_at < now() - interval '7 days'
          AND h.received_at < (SELECT max(l.received_at) FROM public.heartbeats l
                               WHERE l.kiosk_id = h.kiosk_id);
    GET DIAGNOSTICS beats = ROW_COUNT;
    DELETE FROM public.usage_counts u
        WHERE EXISTS (SELECT FROM public.usage_counts v
                      WHERE v.kiosk_id = u.kiosk_id AND v.day = u.day AND v.event = u.event
                        AND v.subject = u.subject AND v.count > u.count);
    GET DIAGNOSTICS counts = ROW_COUNT;
    INSERT INTO staff.audit (desk, staff, action, detail)
        VALUES (session_user, coalesce(by_staff, ''), 'daily_prune',
                format('%s old heartbeats and %s outgrown usage counts deleted', beats, counts));
    RETURN beats + counts;
END
$$;

REVOKE ALL ON FUNCTION staff.daily_prune(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff.daily_prune(text) TO desk;
