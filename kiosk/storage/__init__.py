"""What the kiosk keeps on disk, with no Qt: the encrypted database and its key, call-back
requests, staff accounts, the audit log, usage counts, retention, and the export files and
drives staff write them to. It uses kiosk.core only."""
