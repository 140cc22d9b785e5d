"""`coach safety`, `coach suggest` and `coach sessions show --area` (coach.cli.guidance): the
guidance of the app, in the terminal, from the same core."""

from __future__ import annotations

import json

import pytest

from coach.cli.main import run
from coach.core.body.safety import SAFETY


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert run(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_safety_prints_every_red_flag_with_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    for group in SAFETY.red_flags:
        assert group.heading in out
        assert group.action in out
        for flag in group.flags:
            assert flag in out
    assert out.index("999") < out.index("111"), "the most urgent first"


def test_suggest_for_given_areas_gives_the_catalogue_s_reasons_and_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run_json(capsys, "suggest", "--area", "left_lower_back=5", "--json", "--limit", "20")

    assert out["areas"] == {"left_lower_back": 5}
    assert any("kidney" in note for note in out["notes"])
    found = {s["id"]: s for s in out["suggestions"]}
    assert found["massage-low-back"]["direct"]
    assert found["massage-low-back"]["reason"] == "Works your left lower back."
    hips = found["massage-hip-flexors"]
    assert (
        hips["reason"]
        == "Tight hip flexors, especially after long sitting, can pull on the low back."
    )
    assert not hips["direct"]
    assert hips["cautions"]
    assert all(isinstance(c, str) for c in hips["cautions"])


def test_suggest_reads_the_day_s_areas_from_the_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["log", "add", "--date", "2026-03-01", "--area", "right_mid_back=6"]) == 0
    capsys.readouterr()

    out = run_json(capsys, "suggest", "--date", "2026-03-01", "--json")

    assert out["date"] == "2026-03-01"
    assert out["areas"] == {"right_mid_back": 6}
    assert out["suggestions"][0]["id"] == "massage-mid-back"


def test_suggest_text_names_the_areas_notes_and_gentle_versions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["suggest", "--area", "right_lower_abdomen=4", "--area", "lower_back=8"]) == 0

    out = capsys.readouterr().out
    assert "appendix" in out
    assert "kidney" in out
    assert "(gentle version offered)" in out
    assert "coach sessions show pmr-4 --area left_lower_back=8" in out
    assert "coach safety" in out


def test_suggest_with_nothing_marked_says_how_to_mark(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["suggest", "--date", "2026-03-02"]) == 0

    out = capsys.readouterr().out
    assert "No painful areas" in out
    assert "--area" in out


def test_suggest_rejects_an_unknown_area(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["suggest", "--area", "left_lower_bak=5"]) == 1

    assert "left_lower_back" in capsys.readouterr().err


def test_show_with_areas_gives_the_gentle_timeline_as_played(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = run_json(capsys, "sessions", "show", "pmr-7", "--json")
    gentle = run_json(capsys, "sessions", "show", "pmr-7", "--json", "--area", "left_lower_back=8")

    assert "gentle" not in plain
    assert gentle["gentle"] is True
    assert gentle["painful"] == {"left_lower_back": 8}
    assert gentle["title"].endswith("(gentle)")
    assert gentle["duration"] < plain["duration"], "the painful group is rested once, not twice"
    tensed = [s["text"] for s in gentle["steps"] if s["kind"] == "tense"]
    assert tensed
    assert not [t for t in tensed if "stomach" in t]
    assert any("kidney" in note for note in gentle["notes"])


def test_show_with_a_mild_area_plays_the_routine_as_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = run_json(capsys, "sessions", "show", "pmr-7", "--json")
    mild = run_json(capsys, "sessions", "show", "pmr-7", "--json", "--area", "left_lower_back=3")

    assert mild["gentle"] is False
    assert mild["steps"] == plain["steps"]
