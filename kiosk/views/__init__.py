"""The Qt widgets: humble views that show what they are given and report what the user did."""
