"""The front desk's app (`kiosk desk`): a normal window on a staff PC showing the requests of
every kiosk live from the central store, the fleet of kiosks, and the few things staff do (mark
called or done, export). Views here are humble like kiosk/views; `controller.py` decides, and
`worker.py` does every database call on its own thread, so the window never waits on the
network. The data access itself is kiosk/central/desk.py (no Qt)."""
