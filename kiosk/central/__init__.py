"""The central store, no Qt: a PostgreSQL database every kiosk pushes its callback requests,
usage counts and heartbeat to, and the front desk reads. Its schema (tables, roles, grants) is
kiosk/central/sql/NNNN_*.sql, applied by `kiosk central migrate`; `kiosk sync` is the kiosk's
side, reading the local database's outbox through kiosk.storage."""
