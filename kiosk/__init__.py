"""Waiting-Room Kiosk: patient education and callback requests on a clinic's touchscreen."""

__version__ = "0.1.0"
