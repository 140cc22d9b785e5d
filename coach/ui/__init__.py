"""Widgets only: the main window and one module per view."""
