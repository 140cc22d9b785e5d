"""`coach voice say|list`, and the narration lengths `coach sessions show` times a routine with.

The command line renders with the same bundled voice, rate and loudness as a session, into the
same cache, with no speech daemon and no network.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import wave
from pathlib import Path
from typing import Any

from coach.core.playing.narration import NarrationCache, read_wav_mono, wav_seconds, write_wav
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.playing.timeline import NarrationLength
from coach.paths import Paths

# Settings' default rate ("voice/rate"): a little slower than the voice's normal pace
DEFAULT_RATE = -0.2


def saved_rate(paths: Paths) -> float:
    """The person's voice rate, read from the settings file without Qt (text commands stay Qt-free)."""
    import configparser
    import math

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(paths.config_dir / "unknot.ini", encoding="utf-8")
        rate = float(parser.get("voice", "rate", fallback=str(DEFAULT_RATE)))
    except (configparser.Error, ValueError, OSError, UnicodeDecodeError):
        return DEFAULT_RATE
    return rate if math.isfinite(rate) and -1.0 <= rate <= 1.0 else DEFAULT_RATE


def _settings(paths: Paths) -> Any:
    from coach.services.settings import Settings

    return Settings.for_paths(paths)


def _voice_missing() -> str:
    from coach.services.sound.piper_engine import missing_parts

    return missing_parts()


def session_narration(
    paths: Paths, *, estimate: bool = False, progress: bool = True
) -> NarrationLength:
    """Each text's real length with the bundled voice at the person's rate (rendered into the
    cache when new); the estimate with `estimate`, or when the voice is not installed."""
    from coach.services.sound.piper_engine import PiperEngine, render_cached, speed_for_rate

    if estimate or _voice_missing():
        return speaking_seconds
    speed = speed_for_rate(saved_rate(paths))
    engine, cache = PiperEngine(), NarrationCache(paths.narration_cache)
    rendered = 0

    def length(text: str) -> float:
        nonlocal rendered
        if progress and cache.find(engine.voice_id, speed, text) is None:
            rendered += 1
            if rendered == 1:
                print("Rendering the narration (once; it is kept in the cache)…", file=sys.stderr)
        return wav_seconds(render_cached(engine, cache, text, speed))

    return length


def cmd_voice_say(args: argparse.Namespace, paths: Paths) -> int:
    """`coach voice say TEXT --output FILE.wav`."""
    from coach.services.sound.audio import cue_gain
    from coach.services.sound.piper_engine import PiperEngine, render_cached, speed_for_rate

    missing = _voice_missing()
    if missing:
        print(f"coach: the built-in voice cannot speak: {missing}", file=sys.stderr)
        return 1
    text = " ".join(args.text).strip()
    if not text:
        print("coach: nothing to say", file=sys.stderr)
        return 2
    settings = _settings(paths)
    rate = settings.speech_rate if args.rate is None else max(-1.0, min(1.0, args.rate))
    speed = speed_for_rate(rate)
    source = render_cached(PiperEngine(), NarrationCache(paths.narration_cache), text, speed)
    output: Path = args.output
    gain = 1.0 if args.full_scale else cue_gain(settings.voice_volume)
    if gain == 1.0:
        shutil.copyfile(source, output)
    else:  # as loud as a session plays it at the person's voice volume
        import numpy as np

        samples, sample_rate = read_wav_mono(source)
        scaled = np.clip(np.round(samples * gain * 32768.0), -32768, 32767).astype(np.int16)
        write_wav(output, scaled, sample_rate)
    with wave.open(str(output), "rb") as written:
        hz = written.getframerate()
    print(
        f"{output}: {wav_seconds(output):.2f} s, {hz} Hz mono, voice {args_voice()} "
        f"at rate {rate:+.1f} (speed {speed:.2f}x)"
    )
    return 0


def args_voice() -> str:
    """The bundled voice's name."""
    from coach.services.sound.piper_engine import VOICE_NAME

    return VOICE_NAME


def cmd_voice_list(args: argparse.Namespace, paths: Paths) -> int:
    """`coach voice list`: the engines and voices, and which is in use."""
    from coach.services.sound.piper_engine import VOICE_LICENCE, VOICE_NAME, VOICE_SOURCE

    missing = _voice_missing()
    print("Engines and voices (* = in use):")
    state = f"not available: {missing}" if missing else "offline, no speech service needed"
    print(f"* built-in (piper): {VOICE_NAME}  [{state}]")
    print(f"    licence {VOICE_LICENCE}, from {VOICE_SOURCE}")
    print(f"    rate {_settings(paths).speech_rate:+.1f}; narration cache: {paths.narration_cache}")
    system = _system_engines()
    if system:
        print(
            f"  system text-to-speech (Qt): engines {', '.join(system)}; voices as the system offers"
        )
    else:
        print("  system text-to-speech (Qt): no engine installed")
    return 0


def _system_engines() -> list[str]:
    """Qt's text-to-speech plugins (listing them asks no daemon anything)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return [name for name in QTextToSpeech.availableEngines() if name != "mock"]


def add_voice_command(commands: Any) -> None:
    """Register `coach voice`."""
    voice = commands.add_parser("voice", help="the narration voice: say a text, list voices")
    sub = voice.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sub.add_parser("say", help="render TEXT with the session voice into a WAV file")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--output", "-o", type=Path, required=True, metavar="FILE.wav")
    p.add_argument("--rate", type=float, help="-1 (slowest) to 1 (fastest); default: Settings'")
    p.add_argument(
        "--full-scale", action="store_true", help="peaks at -1 dBFS, not at the session's volume"
    )
    p.set_defaults(func=cmd_voice_say)
    p = sub.add_parser("list", help="the engines and voices, and which is in use")
    p.set_defaults(func=cmd_voice_list)
