"""The Qt-free core: routines, their timeline and player, the region catalogue, analytics."""
