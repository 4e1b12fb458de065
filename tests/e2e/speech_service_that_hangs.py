"""A stand-in for kiosk/controllers/speech_service.py that answers once and then hangs, as a speech
engine stuck on a dead speech server does: it reads requests and never replies."""

import json
import sys

sys.stdout.write(json.dumps({"ready": "stub", "voices": ["en_US"]}) + "\n")
sys.stdout.flush()
for _request in sys.stdin:
    pass  # taken, never answered
