"""The bundle's entry point: the same `main` as the `coach` command.

One extra option, for the packaging smoke test only: `unknot --bundle-check` checks that what
the app loads lazily (numpy, pyqtgraph, simpleaudio, Qt Multimedia with its FFmpeg back end,
Qt TextToSpeech, the SVG image plugins, the built-in sessions and assets) made it into the
bundle, since `--self-test` opens the window without starting sound or speech.
"""

from __future__ import annotations

import os
import sys


def run() -> int:
    """Run the app, or the bundle check."""
    # A windowed Windows build has no console: sys.stdout and sys.stderr are None there, and the
    # app's messages (the self-test's report, a missing body map) must not crash it.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the app)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.argv[1:] == ["--bundle-check"]:
        from bundle_check import check

        return check()
    from coach.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
