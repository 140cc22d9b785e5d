#!/bin/sh
# The Flatpak's `unknot` command: the same entry point as the `coach` command of a pip install.
exec python3 -m coach "$@"
