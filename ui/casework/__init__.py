"""Casework in the console: words and colours shared by every case screen (`labels`)."""
