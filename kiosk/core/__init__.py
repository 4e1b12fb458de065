"""The rules and the words, with no Qt and no disk writes: configuration, content and its
checks, markdown, navigation routes, the spine's anatomy, the palette, the call-back form's
rules. Everything above may use it; it imports nothing of the kiosk outside itself."""
