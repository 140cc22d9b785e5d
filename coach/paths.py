"""Where things live: the user's data and config, and the built-in assets and sessions.

Every path can be redirected (`--data-dir`, COACH_DATA_DIR, COACH_CONFIG_DIR, COACH_CACHE_DIR),
which is how tests give each run fresh folders.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "unknot"


def _bundled(name: str) -> Path:
    """A built-in folder: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "_data" / name
    return installed if installed.is_dir() else package.parent / name


def _platform_dir(kind: str) -> str:
    """This platform's folder of `kind` ("data", "config" or "cache") for the app.

    platformdirs is imported only here, when a folder is not given (it costs start-up time).
    """
    import platformdirs

    folder = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return folder(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class Paths:
    """The folders and files the app reads and writes."""

    data_dir: Path
    config_dir: Path
    builtin_sessions: Path
    assets: Path
    cache_dir: Path = Path()  # resolve() fills it: what can be made again (rendered narration)

    @classmethod
    def resolve(
        cls, data_dir: str | Path | None = None, env: Mapping[str, str] | None = None
    ) -> Paths:
        """Paths from the command line, then the environment, then the platform's conventions.

        A data folder given explicitly (`--data-dir`, COACH_DATA_DIR) carries its own settings,
        in its `settings` folder (the first-run welcome, sound, reminders...), unless
        COACH_CONFIG_DIR says otherwise: a demo folder or a second log never shares them with
        the everyday one.
        """
        env = os.environ if env is None else env
        explicit = data_dir or env.get("COACH_DATA_DIR")
        chosen = explicit or _platform_dir("data")
        config = env.get("COACH_CONFIG_DIR") or (
            Path(chosen).expanduser().absolute() / "settings"
            if explicit
            else _platform_dir("config")
        )
        cache = env.get("COACH_CACHE_DIR") or _platform_dir("cache")
        return cls(
            data_dir=Path(chosen).expanduser().absolute(),
            config_dir=Path(config).expanduser().absolute(),
            cache_dir=Path(cache).expanduser().absolute(),
            builtin_sessions=_bundled("sessions"),
            assets=_bundled("assets"),
        )

    @property
    def user_sessions(self) -> Path:
        """The user's own session files; they win over built-in ones with the same id."""
        return self.data_dir / "sessions"

    @property
    def database(self) -> Path:
        """The log."""
        return self.data_dir / "unknot.sqlite3"

    @property
    def backups(self) -> Path:
        """Copies of the log kept before migrations and once a day."""
        return self.data_dir / "backups"

    @property
    def narration_cache(self) -> Path:
        """The narration the built-in voice has rendered, one WAV per sentence, voice and rate."""
        return self.cache_dir / "narration"

    @property
    def region_catalogue(self) -> Path:
        """The regions of the body map."""
        return self.assets / "regions.toml"

    def ensure(self) -> None:
        """Create the user's folders on first run, private to them (0700).

        A folder that already exists keeps its permissions: it may be one the person chose.
        """
        if not self.data_dir.exists():
            self.data_dir.mkdir(parents=True, mode=0o700)
            self.data_dir.chmod(0o700)  # mkdir's mode is reduced by the umask
        self.user_sessions.mkdir(exist_ok=True, mode=0o700)
        readme = self.user_sessions / "README.txt"
        if not readme.exists():
            readme.write_text(
                "Put your own Unknot session files (*.toml) here.\n"
                "A file here wins over a built-in one with the same id.\n"
                "The format is described in docs/session-format.md; check a file with:\n"
                "    coach sessions validate FILE\n",
                encoding="utf-8",
            )
