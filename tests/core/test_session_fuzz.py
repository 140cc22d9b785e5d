"""Fuzzing the session-file loader: whatever the bytes, it returns a Routine or raises FileProblems.

Four sources of input: arbitrary bytes, TOML-ish text, mutations of a real built-in file, and
structured documents (dicts shaped like session files, serialized by the small TOML writer below;
the standard library can only read TOML). Structured documents also check what a loaded routine
promises (limits, known regions) and that the published JSON Schema accepts every document the
loader accepts.

The inputs that once crashed the loader are pinned at the bottom as regression tests, and the
structured generator produces those shapes too (`_FOR_EACH_JUNK`, `_PATH_TEXT`).
"""

from __future__ import annotations

import math
import re
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.cues import CUE_NAMES
from coach.core.routines.problems import FileProblems
from coach.core.routines.routine import ROUTINE_KINDS, Routine, StepKind
from coach.core.routines.session_file import parse_routine
from coach.core.routines.session_format import (
    MAX_STEP_SECONDS,
    MAX_STEPS,
    MAX_TOTAL_SECONDS,
    session_schema,
)

REPO = Path(__file__).resolve().parents[2]
FUZZ_PATH = Path("fuzz.toml")
PMR_4 = (REPO / "sessions" / "pmr-4.toml").read_bytes()

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,  # nothing written into the work tree
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # the autouse folder fixtures are not used per example
    ],
)


# -- the property every input must satisfy --------------------------------------------------------


def load_or_problems(raw: bytes, catalogue: RegionCatalogue) -> Routine | None:
    """Parse `raw`; return the Routine, or None after checking the FileProblems are well-formed.

    Any exception other than FileProblems propagates and fails the test.
    """
    try:
        routine = parse_routine(FUZZ_PATH, raw, catalogue)
    except FileProblems as exc:
        rejected = exc.problems
    else:
        rejected = None
    if rejected is not None:
        assert rejected, "FileProblems without a problem"
        for problem in rejected:
            text = str(problem)
            assert text.startswith("fuzz.toml"), text
            assert "Traceback" not in text, text
        return None
    for warning in routine.warnings:
        assert str(warning).startswith("fuzz.toml"), str(warning)
    return routine


def check_routine_limits(routine: Routine, catalogue: RegionCatalogue) -> None:
    """What a loaded routine promises the player, whatever file it came from."""
    assert 1 <= len(routine.steps) <= MAX_STEPS
    for step in routine.steps:
        assert isinstance(step.duration, float)
        assert 0 < step.duration <= MAX_STEP_SECONDS, step
        assert isinstance(step.kind, StepKind)
        assert all(catalogue.knows(r) for r in step.regions), step.regions
    assert routine.duration <= MAX_TOTAL_SECONDS
    assert all(catalogue.knows(r) for r in routine.targets), routine.targets


# -- 1. arbitrary bytes, TOML-ish text, mutations of a real file ----------------------------------


@FUZZ
@given(raw=st.binary(max_size=2000))
@example(raw=b"")
@example(raw=b"\xef\xbb\xbf")
@example(raw=b"\xff\xfe")
@example(raw=PMR_4)
def test_arbitrary_bytes_never_escape(catalogue, raw):
    load_or_problems(raw, catalogue)


@FUZZ
@given(text=st.text(max_size=500))
def test_arbitrary_text_never_escapes(catalogue, text):
    load_or_problems(text.encode("utf-8"), catalogue)


_TOKENS = [
    "format = 1\n",
    'title = "x"\n',
    "[[steps]]\n",
    "[[steps.steps]]\n",
    "[[steps.steps.steps]]\n",
    "[steps]\n",
    'text = "{side} {round} {name}"\n',
    'text = """\n[[steps]]\n"""\n',
    "duration = ",
    "repeat = ",
    "1",
    "-1",
    "0",
    "3600",
    "3601",
    "2.5",
    "nan",
    "inf",
    "-inf",
    "0x1F",
    "1e400",
    "true",
    "1979-05-27",
    "for_each = [",
    'sides = ["left", "right"]\n',
    'regions = ["{side}_calf"]\n',
    'regions = ["lumbar_spine"]\n',
    'kind = "massage"\n',
    'kind = "tense"\n',
    'cue = "bell.wav"\n',
    'audio = "../x.wav"\n',
    "{ name = 1, regions = [] }",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\n",
    "\r\n",
    "=",
    ",",
    ".",
    "#",
    " ",
    "\ufeff",
    "steps",
]
toml_ish = st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=4)), max_size=60).map(
    "".join
)


@FUZZ
@given(text=toml_ish)
def test_toml_ish_text_never_escapes(catalogue, text):
    load_or_problems(text.encode("utf-8"), catalogue)


_INSERTS = [
    b"[[steps]]\n",
    b"[[steps.steps]]\n",
    b"{",
    b"}",
    b"{side}",
    b"{round}",
    b'"',
    b"\n",
    b"=",
    b"#",
    b"\xff",
    b"\x00",
    b"\xef\xbb\xbf",
    b"-",
    b"0",
    b"9999",
    b"nan",
    b'"lumbar_spine", ',
]


@st.composite
def mutated_pmr4(draw: st.DrawFn) -> bytes:
    """The built-in pmr-4.toml with a few random byte flips, deletions, insertions or a cut."""
    buf = bytearray(PMR_4)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(buf)))
        op = draw(st.sampled_from(["flip", "delete", "insert", "token", "truncate", "duplicate"]))
        if op == "flip" and pos < len(buf):
            buf[pos] ^= draw(st.integers(1, 255))
        elif op == "delete":
            del buf[pos : pos + draw(st.integers(1, 40))]
        elif op == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "token":
            buf[pos:pos] = draw(st.sampled_from(_INSERTS))
        elif op == "truncate":
            del buf[pos:]
        elif op == "duplicate":
            end = min(len(buf), pos + draw(st.integers(1, 300)))
            buf[end:end] = buf[pos:end]
    return bytes(buf)


@FUZZ
@given(raw=mutated_pmr4())
def test_mutations_of_a_builtin_file_never_escape(catalogue, raw):
    routine = load_or_problems(raw, catalogue)
    if routine is not None:
        check_routine_limits(routine, catalogue)


# -- 2. a minimal TOML writer for structured documents --------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_string(text: str) -> str:
    """A basic TOML string; control characters (which TOML forbids raw) as \\u escapes."""
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_value(value: Any) -> str:
    """An inline TOML value: str, int, float (nan and inf too), bool, list or dict."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)  # "2.5", "1e+16", "5e-324": all valid TOML floats
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def toml_dumps(doc: dict[str, Any]) -> str:
    """`doc` as a TOML document; non-empty lists of tables become [[arrays.of.tables]]."""
    lines: list[str] = []

    def table(data: dict[str, Any], path: tuple[str, ...]) -> None:
        for key, value in data.items():
            if not _is_table_array(value):
                lines.append(f"{toml_key(key)} = {toml_value(value)}")
        for key, value in data.items():
            if _is_table_array(value):
                header = ".".join(toml_key(k) for k in (*path, key))
                for item in value:
                    lines.append(f"[[{header}]]")
                    table(item, (*path, key))

    table(doc, ())
    return "\n".join(lines) + "\n"


def same(a: Any, b: Any) -> bool:
    """Equal, with types kept apart (True is not 1) and nan equal to nan."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def test_the_writer_round_trips_awkward_values():
    doc = {
        "format": 1,
        "odd key": [1.5, float("inf"), -0.0, 1e300, 5e-324, True, 'a"b\\c\x00\x1f\x7f\n\té'],
        "inline": {"a.b": {"c": []}, "": 2**70},
        "steps": [{"steps": [{"x": 1}, {}], "y": [{"inline": 1}, 2]}, {"z": "w"}],
    }
    assert same(tomllib.loads(toml_dumps(doc)), doc)


# -- 3. structured documents ----------------------------------------------------------------------
#
# Each document draws a noise level: at 0 every value is chosen to be valid where it is used
# (placeholders only where a block defines them), so many documents load and expand; higher
# levels mix in wrong types, bad limits, unknown keys and ids, nan/inf and huge numbers.

_KNOWN_REGIONS = ["left_calf", "calves", "lower_back", "left_lower_back", "glutes", "neck"]
_KNOWN_REGIONS += ["neck_sides", "arms", "legs", "hands", "right_hand", "hip_flexors"]
_SIDED_REGIONS = ["{side}_calf", "{side}_glute", "{side}_lower_back", "{side}_hand"]
_SPINE_REGIONS = ["lumbar_spine", "cervical_spine", "spine", "whole_back", "trunk", "sacrum"]
_BAD_REGIONS = ["elbow", "Left_Calf", "", "lowerback", "{nope}_calf", "{", "left_{", "x" * 70]
_PLAIN_TEXTS = ["Relax.", "Breathe slowly.", "Use {{braces}}.", "", "Rest }} here {{"]
_BAD_TEXTS = ["a lone { brace", "}", "{undefined}", "{ name }", "{1x}", "word " * 60]
_PATH_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=20),
    st.just("a" * 300),  # longer than a file name may be
)
_JUNK = st.one_of(
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=8),
    st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
_FOR_EACH_JUNK = st.one_of(
    st.text(max_size=5),
    st.sampled_from([0, False, 0.0, {}, 5, 1.5, True, -1]),
    st.lists(_JUNK, min_size=1, max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


class _Maker:
    """Draws the parts of one document; `bad()` says when to put a mistake in."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.rnd = draw(st.randoms(use_true_random=False))
        self.noise = draw(st.sampled_from([0.0, 0.0, 0.02, 0.05, 0.15, 0.4]))

    def bad(self) -> bool:
        return self.rnd.random() < self.noise

    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    def pick(self, valid: st.SearchStrategy, invalid: st.SearchStrategy) -> Any:
        return self.draw(invalid) if self.bad() else self.draw(valid)

    def junk(self) -> Any:
        return self.draw(_JUNK)

    def text(self, defined: frozenset[str]) -> Any:
        if self.bad():
            return self.draw(st.one_of(st.sampled_from(_BAD_TEXTS), _JUNK, st.just("x" * 1001)))
        parts = [self.draw(st.sampled_from(_PLAIN_TEXTS))]
        for name in sorted(defined):
            if self.chance(0.5):
                parts.append("{" + name + "}")
        return " ".join(parts)

    def regions(self, defined: frozenset[str]) -> Any:
        pool = _KNOWN_REGIONS + (_SIDED_REGIONS if "side" in defined else [])
        return self.pick(
            st.lists(st.sampled_from(pool), max_size=3),
            st.one_of(
                st.lists(
                    st.sampled_from(pool + _SPINE_REGIONS + _BAD_REGIONS + _SIDED_REGIONS),
                    min_size=1,
                    max_size=3,
                ),
                _JUNK,
            ),
        )

    def maybe_unknown_key(self, table: dict[str, Any], keys: list[str]) -> None:
        if self.bad():
            table[self.draw(st.sampled_from(keys))] = self.junk()

    def step(self, defined: frozenset[str]) -> dict[str, Any]:
        step: dict[str, Any] = {}
        if not self.bad():
            step["text"] = self.text(defined)
        if not self.bad():
            step["duration"] = self.pick(
                st.one_of(st.integers(1, 60), st.floats(0.25, 60), st.just(MAX_STEP_SECONDS)),
                st.one_of(
                    st.sampled_from([0, -1, -0.0, 3600.001, 3601, 2**64, 1e300]),
                    st.floats(),
                    st.integers(-(2**70), 2**70),
                    _JUNK,
                ),
            )
        if self.chance(0.4):
            step["kind"] = self.pick(
                st.sampled_from([k.value for k in StepKind]),
                st.one_of(st.sampled_from(["breath-in", "Tense", ""]), _JUNK),
            )
        if self.chance(0.2):
            step["say"] = self.text(defined)
        if self.chance(0.3):
            step["regions"] = self.regions(defined)
        if self.chance(0.1):
            step["cue"] = self.pick(
                st.sampled_from(CUE_NAMES),
                st.one_of(
                    st.sampled_from(
                        ["bell.wav", "../x.wav", "/etc/x.wav", "C:x.wav", "~/x.wav", "gong"]
                    ),
                    st.sampled_from(["{side}.wav", "{round}", "{"]),
                    _PATH_TEXT,
                    _PATH_TEXT.map(lambda s: s + ".wav"),
                ),
            )
        if self.chance(0.2) and self.bad():  # no clip exists beside fuzz.toml
            step["audio"] = self.draw(
                st.one_of(st.sampled_from(["clip.wav", "../../etc/passwd", "{n}.wav"]), _PATH_TEXT)
            )
        self.maybe_unknown_key(step, ["durration", "colour", "Text", "for_each", "label"])
        return step

    def item(self, defined: frozenset[str]) -> dict[str, Any]:
        item: dict[str, Any] = {}
        for key in self.draw(st.lists(st.sampled_from(["name", "how", "part", "n"]), max_size=3)):
            item[key] = self.pick(
                st.one_of(st.sampled_from(["hand", "calf", "Make a fist."]), st.integers()),
                st.one_of(st.floats(), _JUNK),
            )
        if self.chance(0.3):
            item["regions"] = self.regions(defined)
        self.maybe_unknown_key(item, ["bad key", "1x", "", "side", "round", "Side"])
        return item

    def block(self, depth: int, defined: frozenset[str]) -> dict[str, Any]:
        block: dict[str, Any] = {}
        inner = set(defined)
        with_items = self.chance(0.3)
        if with_items:
            block["for_each"] = None  # keeps the key's place; filled once {side}/{round} are known
        if self.chance(0.3):
            block["sides"] = self.pick(
                st.sampled_from([["left", "right"], ["left"], ["right"], ["right", "left"]]),
                st.one_of(
                    st.sampled_from([[], ["up"], "left", ["left", "right", "left"], [1]]), _JUNK
                ),
            )
            inner |= {"side", "Side"}
        if self.chance(0.3):
            block["repeat"] = self.pick(
                st.integers(1, 100) if self.chance(0.15) else st.integers(1, 3),
                st.one_of(st.sampled_from([0, -1, 100, 101, 2.0, True, "2", 2**64]), _JUNK),
            )
            inner.add("round")
        own = frozenset(inner)  # a block's and an item's regions may use the block's own values
        if with_items and self.bad():
            block["for_each"] = self.draw(st.one_of(st.just([]), _FOR_EACH_JUNK))
        elif with_items:
            items = [self.item(own) for _ in range(self.draw(st.integers(1, 3)))]
            block["for_each"] = items
            inner |= set.intersection(*(set(i) - {"regions"} for i in items))
        if self.chance(0.2):
            block["regions"] = self.regions(own)
        if self.chance(0.2):
            block["label"] = self.pick(st.text(max_size=20), st.one_of(_JUNK, st.just("x" * 121)))
        if self.bad():
            block["steps"] = self.draw(
                st.one_of(st.just([]), _JUNK, st.lists(_JUNK, min_size=1, max_size=2))
            )
        else:
            count = self.draw(st.integers(1, 3))
            block["steps"] = [self.entry(depth + 1, frozenset(inner)) for _ in range(count)]
        self.maybe_unknown_key(block, ["repeats", "side", "text", "duration", "for-each"])
        return block

    def entry(self, depth: int, defined: frozenset[str]) -> dict[str, Any]:
        # one level past the loader's limit of 4 now and then
        if depth < 4 and self.chance(0.35) or depth == 4 and self.bad():
            return self.block(depth, defined)
        return self.step(defined)

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        if not self.bad():
            doc["format"] = self.pick(st.just(1), st.sampled_from([2, 0, "1", 1.0, True]))
        if not self.bad():
            doc["title"] = self.pick(
                st.text(min_size=1, max_size=30), st.one_of(_JUNK, st.just("x" * 121))
            )
        if self.chance(0.2):
            doc["id"] = self.pick(
                st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True),
                st.sampled_from(["Bad Id", "-x", "", "a" * 65, "é", "a.b"]),
            )
        if self.chance(0.2):
            doc["kind"] = self.pick(st.sampled_from(ROUTINE_KINDS), st.sampled_from(["PMR", ""]))
        if self.chance(0.2):
            doc["summary"] = self.pick(st.text(max_size=40), _JUNK)
        for key, limit in (("equipment", 80), ("cautions", 500)):
            if self.chance(0.2):
                doc[key] = self.pick(
                    st.lists(st.text(max_size=20), max_size=3),
                    st.one_of(_JUNK, st.just(["x" * (limit + 1)])),
                )
        if self.chance(0.2):
            doc["targets"] = self.pick(
                st.lists(st.sampled_from(_KNOWN_REGIONS), max_size=3),
                st.one_of(st.lists(st.sampled_from(_BAD_REGIONS), min_size=1, max_size=2), _JUNK),
            )
        for key in ("language", "author", "licence"):
            if self.chance(0.1):
                doc[key] = self.pick(st.text(max_size=10), _JUNK)
        if self.chance(0.2):
            doc["end_cue"] = self.pick(
                st.sampled_from(CUE_NAMES), st.sampled_from(["bell.wav", ""])
            )
        self.maybe_unknown_key(doc, ["titel", "duration", "step", "Format"])
        if self.bad():
            doc["steps"] = self.draw(
                st.one_of(st.just([]), _JUNK, st.lists(_JUNK, min_size=1, max_size=2))
            )
        elif not self.bad():
            count = self.draw(st.integers(1, 4))
            doc["steps"] = [self.entry(0, frozenset()) for _ in range(count)]
        return doc


@st.composite
def session_document(draw: st.DrawFn) -> dict[str, Any]:
    """A dict shaped like a session file, with a random share of mistakes."""
    return _Maker(draw).document()


_VALIDATOR = Draft202012Validator(session_schema())


@settings(FUZZ, max_examples=400)
@given(doc=session_document())
def test_structured_documents_load_or_are_rejected_cleanly(catalogue, doc):
    text = toml_dumps(doc)
    parsed = tomllib.loads(text)
    assert same(parsed, doc), text  # the writer itself is right
    routine = load_or_problems(text.encode("utf-8"), catalogue)
    if routine is None:
        return
    check_routine_limits(routine, catalogue)
    # whatever the loader accepts, the published schema accepts too
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _VALIDATOR.iter_errors(parsed)]
    assert not errors, (errors, text)


def test_the_structured_generator_produces_loadable_documents(catalogue):
    """Guard against a generator so noisy that no document ever loads (the checks above would
    then pass without checking anything)."""
    loaded = 0

    @settings(max_examples=300, deadline=None, database=None, derandomize=True)
    @given(doc=session_document())
    def count(doc):
        nonlocal loaded
        try:
            parse_routine(FUZZ_PATH, toml_dumps(doc).encode(), catalogue)
            loaded += 1
        except FileProblems:
            pass

    count()
    assert loaded >= 10, loaded


# -- 4. inputs that crashed the loader: each should be a located problem --------------------------

_HEAD = 'format = 1\ntitle = "x"\n'
_STEP = '[[steps]]\ntext = "a"\nduration = 1\n'


def _assert_clean_rejection(catalogue: RegionCatalogue, body: str, field: str) -> None:
    with pytest.raises(FileProblems) as info:
        parse_routine(FUZZ_PATH, body.encode(), catalogue)
    messages = [str(p) for p in info.value.problems]
    assert any(field in m for m in messages), messages
    assert all(m.startswith("fuzz.toml") for m in messages), messages


@pytest.mark.parametrize("value", ["5", "1.5", "true", "-1"])
def test_for_each_that_is_a_number_is_a_problem_not_a_crash(catalogue, value):
    body = (
        _HEAD + f"[[steps]]\nfor_each = {value}\n  [[steps.steps]]\n  text = 'a'\n  duration = 1\n"
    )
    _assert_clean_rejection(catalogue, body, "fuzz.toml:4: steps[0].for_each must be")


def test_integer_too_long_for_python_is_a_problem_not_a_crash(catalogue):
    body = _HEAD + "[[steps]]\ntext = 'a'\nduration = " + "1" * 5000 + "\n"
    _assert_clean_rejection(catalogue, body, "fuzz.toml")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_HEAD + "[[steps]]\ntext = 'a'\nduration = 0x" + "f" * 4000 + "\n", "steps[0].duration"),
        ("format = 0x" + "f" * 4000 + "\ntitle = 'x'\n" + _STEP, "format"),
        (
            _HEAD
            + "[[steps]]\nfor_each = [{n = 0x"
            + "f" * 4000
            + "}]\n  [[steps.steps]]\n  text = '{n}'\n  duration = 1\n",
            "steps[0]",
        ),
    ],
    ids=["duration", "format", "for_each-value"],
)
def test_huge_hex_integer_is_a_problem_not_a_crash(catalogue, body, field):
    _assert_clean_rejection(catalogue, body, field)


@pytest.mark.parametrize("key", ["cue", "audio"])
def test_nul_in_a_sound_path_is_a_problem_not_a_crash(catalogue, key):
    body = _HEAD + f'[[steps]]\ntext = "a"\nduration = 1\n{key} = "a\\u0000.wav"\n'
    _assert_clean_rejection(catalogue, body, f"steps[0].{key}")


@pytest.mark.parametrize("key", ["cue", "audio"])
def test_over_long_sound_file_name_is_a_problem_not_a_crash(catalogue, key):
    body = _HEAD + f'[[steps]]\ntext = "a"\nduration = 1\n{key} = "{"a" * 256}.wav"\n'
    _assert_clean_rejection(catalogue, body, f"steps[0].{key}")


def test_deep_nesting_in_toml_is_a_problem_and_quick(catalogue):
    for body in ("x = " + "[" * 5000 + "]" * 5000, "x = " + "{a = " * 5000 + "1" + "}" * 5000):
        start = time.perf_counter()
        _assert_clean_rejection(catalogue, _HEAD + body + "\n" + _STEP, "fuzz.toml")
        assert time.perf_counter() - start < 2
