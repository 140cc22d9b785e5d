"""The key-line locator on tricky TOML: each key path maps to the line where it was written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.problems import FileProblems
from coach.core.routines.session_file import parse_routine
from coach.core.routines.tomlfile import parse_toml
from coach.core.routines.tomlpos import KeyLines, KeyPath


def lines_of(text: str) -> KeyLines:
    tomllib.loads(text)  # every case is valid TOML: the locator only runs on accepted files
    return KeyLines(text)


def check(text: str, expected: dict[KeyPath, int | None]) -> None:
    for variant, body in (("LF", text), ("CRLF", text.replace("\n", "\r\n"))):
        found = lines_of(body)
        got = {path: found.line(path) for path in expected}
        assert got == expected, variant


def test_multiline_strings_hide_headers_and_keys():
    text = (
        'title = """\n'  # 1
        "[[steps]]\n"
        "duration = 5\n"
        '"""\n'
        "format = 1\n"  # 5
        "[[steps]]\n"  # 6
        "text = '''\n"  # 7
        "key = 1\n"
        "[x]\n"
        "'''\n"
        "duration = 2\n"  # 11
        'say = """ends with quotes"""""\n'  # 12
        "kind = 'x'\n"  # 13
    )
    check(
        text,
        {
            ("title",): 1,
            ("format",): 5,
            ("steps",): 6,
            ("steps", 0): 6,
            ("steps", 0, "text"): 7,
            ("steps", 0, "duration"): 11,
            ("steps", 0, "say"): 12,
            ("steps", 0, "kind"): 13,
            ("duration",): None,
            ("x",): None,
            ("steps", 1): 6,  # no second entry: falls back to the array
        },
    )


def test_comments_with_brackets_and_keys():
    text = (
        "# [[steps]]\n"
        "format = 1 # [not] a header = 2\n"  # 2
        "  # duration = 9\n"
        "[[steps]] # [[steps.steps]]\n"  # 4
        "# kind = 'x'\n"
        'text = "a # [b] = c"\n'  # 6
        "duration = 1\n"  # 7
    )
    check(
        text,
        {
            ("format",): 2,
            ("steps", 0): 4,
            ("steps", 0, "text"): 6,
            ("steps", 0, "duration"): 7,
            ("steps", 0, "kind"): 4,
            ("duration",): None,
            ("steps", 0, "steps"): 4,
        },
    )


def test_quoted_and_dotted_keys():
    text = (
        '"my key" = 1\n'
        "'lit.key' = 2\n"
        "a.b.c = 3\n"
        'a . "d.e" = 4\n'
        '"a=b" = 5\n'
        "'\"' = 6\n"
        'x = "say \\"[[steps]]\\" = 1"\n'
        "y = 'C:\\path\\'\n"
        'z = """\\\\"""\n'
        "after = 10\n"
    )
    check(
        text,
        {
            ("my key",): 1,
            ("lit.key",): 2,
            ("a", "b", "c"): 3,
            ("a", "d.e"): 4,
            ("a=b",): 5,
            ('"',): 6,
            ("x",): 7,
            ("y",): 8,
            ("z",): 9,
            ("after",): 10,
            ("steps",): None,
        },
    )


def test_inline_tables_and_arrays_spanning_lines():
    text = (
        "format = 1\n"
        "for_each = [\n"  # 2
        '  { name = "a", regions = ["x", "y"] }, # [[steps]]\n'  # 3
        "\n"
        "  # a comment, with a { brace\n"
        '  { name = "b", "quoted key" = 2, dotted.key = 3 },\n'  # 6
        "]\n"
        "list = [\n"  # 8
        "  1,\n"
        "  [2,\n"  # 10
        "   3],\n"  # 11
        '  """\n'  # 12
        "z = 1\n"
        '""",\n'
        "  4,\n"  # 15
        "]\n"
        "after = 1\n"  # 17
    )
    check(
        text,
        {
            ("for_each",): 2,
            ("for_each", 0): 3,
            ("for_each", 0, "name"): 3,
            ("for_each", 0, "regions", 1): 3,
            ("for_each", 1): 6,
            ("for_each", 1, "name"): 6,
            ("for_each", 1, "quoted key"): 6,
            ("for_each", 1, "dotted", "key"): 6,
            ("for_each", 1, "regions"): 6,  # not there: the item's line
            ("for_each", 2): 2,  # no third item: the array's line
            ("list", 1, 1): 11,
            ("list", 2): 12,
            ("list", 3): 15,
            ("z",): None,
            ("after",): 17,
        },
    )


def test_nested_arrays_of_tables():
    text = (
        "[[steps]]\n"  # 1
        'text = "a"\n'
        "[[steps]]\n"  # 3
        "repeat = 2\n"
        "  [[steps.steps]]\n"  # 5
        '  text = "b"\n'
        "  [[ steps . steps ]]\n"  # 7
        '  text = "c"\n'
        "    [[steps.steps.steps]]\n"  # 9
        '    text = "d"\n'
        "    duration = 1 # [[steps]]\n"  # 11
        "[[steps]]\n"  # 12
        "  [[steps.steps]]\n"  # 13
        '  text = "e"\n'
        "  [steps.steps.extra]\n"  # 15
        "  k = 1\n"  # 16
        "[['steps']]\n"  # 17
        'text = "f"\n'  # 18
    )
    check(
        text,
        {
            ("steps",): 1,
            ("steps", 0, "text"): 2,
            ("steps", 1): 3,
            ("steps", 1, "repeat"): 4,
            ("steps", 1, "steps"): 5,
            ("steps", 1, "steps", 0, "text"): 6,
            ("steps", 1, "steps", 1): 7,
            ("steps", 1, "steps", 1, "text"): 8,
            ("steps", 1, "steps", 1, "steps", 0): 9,
            ("steps", 1, "steps", 1, "steps", 0, "text"): 10,
            ("steps", 1, "steps", 1, "steps", 0, "duration"): 11,
            ("steps", 2, "steps", 0): 13,
            ("steps", 2, "steps", 0, "text"): 14,
            ("steps", 2, "steps", 0, "extra", "k"): 16,
            ("steps", 3, "text"): 18,
            ("steps", 1, "steps", 1, "steps", 0, "nope"): 9,  # nearest ancestor
            ("steps", 2, "duration"): 12,
        },
    )


def test_arrays_of_inline_tables_for_steps():
    text = 'format = 1\nsteps = [\n  { text = "a", duration = 1 },\n  { text = "b" },\n]\n'
    check(text, {("steps",): 2, ("steps", 0, "duration"): 3, ("steps", 1, "duration"): 4})


def test_byte_order_mark_is_not_counted_as_a_line():
    raw = "\ufeffformat = 1\r\ntitle = 'x'\r\n[[steps]]\r\ntext = 'a'\r\nduration = 1\r\n"
    doc = parse_toml(Path("bom.toml"), raw.encode("utf-8"), max_bytes=10_000)
    assert doc.lines.line(("format",)) == 1
    assert doc.lines.line(("steps", 0, "duration")) == 5
    # and straight into the locator, the mark is skipped rather than taken for a key
    assert KeyLines("\ufeffformat = 1\ntitle = 2\n").line(("title",)) == 2


def test_nearest_ancestor_and_unknown_paths():
    found = lines_of("a = 1\n[t]\nb = { c = 1 }\n")
    assert found.line(("t", "b", "c", "d", 0)) == 3
    assert found.line(("t", "zzz")) == 2
    assert found.line(("zzz", "a")) is None
    assert found.line(()) is None


def test_problems_in_a_crlf_file_with_a_bom_name_the_right_line(catalogue: RegionCatalogue):
    text = (
        "\ufeffformat = 1\r\n"
        'title = """\r\n[[steps]]\r\nduration = -1\r\n"""\r\n'  # 2-5
        "[[steps]]\r\n"  # 6
        "for_each = [\r\n"  # 7
        '  { n = "a" },\r\n'  # 8
        '  { n = ["b"] },\r\n'  # 9
        "]\r\n"
        "  [[steps.steps]]\r\n"  # 11
        '  text = "{n} # [[x]]"\r\n'  # 12
        "  duration = 0\r\n"  # 13
    )
    with pytest.raises(FileProblems) as info:
        parse_routine(Path("crlf.toml"), text.encode("utf-8"), catalogue)
    located = sorted((p.line, p.field) for p in info.value.problems)
    assert located == [(9, "steps[0].for_each[1].n")]
    # once the item is fixed, the inner step's own problem is found on its line
    fixed = text.replace('{ n = ["b"] }', '{ n = "b" }')
    with pytest.raises(FileProblems) as info:
        parse_routine(Path("crlf.toml"), fixed.encode("utf-8"), catalogue)
    assert [(p.line, p.field) for p in info.value.problems] == [(13, "steps[0].steps[0].duration")]


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("format = 1\ntitle.en = 'x'\n", ("title",), 2),
        (
            "format = 1\n[[steps]]\ntext = 'a'\n[steps.extra.more]\nk = 1\n",
            ("steps", 0, "extra"),
            4,
        ),
    ],
    ids=["dotted key", "table header"],
)
def test_prefixes_of_dotted_keys_and_headers_have_a_line(text, path, line):
    assert lines_of(text).line(path) == line


def test_a_table_where_text_belongs_is_reported_on_its_line(catalogue):
    body = 'format = 1\ntitle.en = "x"\n[[steps]]\ntext = "a"\nduration = 1\n'
    with pytest.raises(FileProblems) as info:
        parse_routine(Path("dotted.toml"), body.encode(), catalogue)
    [problem] = info.value.problems
    assert str(problem).startswith("dotted.toml:2: title must be text in quotes")


def test_an_empty_quoted_key_has_its_line():
    found = lines_of("a = 1\n'' = 6\n")
    assert found.line(("",)) == 2
    assert found.line(("6",)) is None
