"""Qt objects that run the screens without drawing them: the shell (which screen shows what),
the idle session, staff mode, read aloud's speech engine and the disk thread."""
