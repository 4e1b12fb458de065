"""The machine the kiosk runs on, with no Qt: `kiosk doctor`'s checks, the Qt libraries' needs,
the staff diagnostics' facts, logging, crash safety and systemd's notify socket."""
