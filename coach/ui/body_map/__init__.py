"""body_map."""
