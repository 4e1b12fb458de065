"""Developer tools kept with the project's source; not part of the installed kiosk."""
