"""Entry point: `coach` runs a command-line command, or starts the app when given none."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run what it asks for; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--speech-host"]:  # the system voice's own process (see services/speech.py)
        from coach.services.sound.speech_host import main as speech_host

        return speech_host()
    app = _app_options(args)
    if app is not None:
        # straight to the window: the command line's parser and commands import much more
        from coach.app import run_app
        from coach.paths import Paths

        data_dir, self_test = app
        return run_app(Paths.resolve(data_dir), self_test=self_test)
    from coach.cli.main import run

    return run(args)


def _app_options(args: Sequence[str]) -> tuple[str | None, bool] | None:
    """(data folder, self-test) when `args` only open the app; None for anything else, which
    `coach.cli.main` parses (and explains: --help, --version, commands, mistakes)."""
    data_dir: str | None = None
    self_test = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--self-test":
            self_test = True
        elif arg == "--data-dir" and rest and rest[0] and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = arg.removeprefix("--data-dir=")
        else:
            return None
    return data_dir, self_test


if __name__ == "__main__":
    sys.exit(main())
