"""The Qt-free store: the SQLite log."""
