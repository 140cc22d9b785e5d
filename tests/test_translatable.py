"""Every word the person reads can be translated: each tr() and translate() in coach/ hands Qt's
lupdate a literal string in a context it can see, so a translator gets every sentence.

lupdate reads the source, it does not run it: `self.tr(text)` with a variable, a wrapper such as
`_tr(text)`, a context held in a constant, or an f-string all leave a sentence out of the .ts
file without a word of warning. The scan below fails on each, naming file and line. The one
allowed variable is the Qt way for a table of data: strings marked with
`QT_TRANSLATE_NOOP("Context", "literal")` where they are defined, then translated in that same
context (the safety page).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "coach"
APPLICATIONS = {"QCoreApplication", "QGuiApplication", "QApplication"}
WRAPPERS = {"tr", "_tr", "_t", "translate"}  # free functions lupdate cannot see through


@dataclass(frozen=True)
class Message:
    """One literal string handed to Qt for translation, in the context lupdate files it under."""

    context: str
    text: str
    where: str


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _parenthesised(lines: list[bytes], before: ast.AST, node: ast.expr, *, first: bool) -> bool:
    """Whether `node` sits in parentheses of its own (lupdate skips `tr(("a" "b"))`). `before` is
    what precedes it: the function called (`first`: the call's own parenthesis is in between)
    or the argument before it. Offsets are in bytes of UTF-8, as `ast` gives them."""
    end_line, end_col = before.end_lineno or 0, before.end_col_offset or 0
    if end_line == node.lineno:
        between = lines[end_line - 1][end_col : node.col_offset]
    else:
        between = lines[end_line - 1][end_col:] + b"".join(
            lines[n - 1] for n in range(end_line + 1, node.lineno)
        )
        between += lines[node.lineno - 1][: node.col_offset]
    return between.count(b"(") > (1 if first else 0)


class _Scan(ast.NodeVisitor):
    """Walks one module, noting every translated literal and every call lupdate would miss."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.lines = source.encode("utf-8").splitlines(keepends=True)
        self.classes: list[str] = []
        self.messages: list[Message] = []
        self.problems: list[str] = []
        self.marked: set[str] = set()  # contexts with QT_TRANSLATE_NOOP strings
        self.with_self_tr: dict[str, str] = {}  # class -> where it first calls self.tr
        self.by_variable: list[tuple[str, str]] = []  # (context, where) translated from a variable

    def _problem(self, node: ast.AST, what: str) -> None:
        self.problems.append(f"{self.path}:{getattr(node, 'lineno', 0)}: {what}")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute | ast.Name):
                name = inner.func.attr if isinstance(inner.func, ast.Attribute) else inner.func.id
                if name in ("tr", "translate"):
                    self._problem(
                        inner, f"{name}() inside an f-string (lupdate does not look there)"
                    )
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        where = f"{self.path}:{node.lineno}"
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            self._tr(node, func, where)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in APPLICATIONS
        ):
            self._translate(node, where)
        elif isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP":
            context, text = (_literal(a) for a in (node.args + [None, None])[:2])
            if context is None or text is None:
                self._problem(node, "QT_TRANSLATE_NOOP needs a literal context and text")
            else:
                self.marked.add(context)
                self.messages.append(Message(context, text, where))
        elif isinstance(func, ast.Name) and func.id in WRAPPERS:
            self._problem(
                node,
                f'{func.id}(...) is a wrapper lupdate cannot see through; call self.tr("...") '
                'or QCoreApplication.translate("Context", "...") with literal strings',
            )
        self.generic_visit(node)

    def _tr(self, node: ast.Call, func: ast.Attribute, where: str) -> None:
        if not (isinstance(func.value, ast.Name) and func.value.id == "self"):
            # lupdate files `owner.tr("x")` under the context "owner", Qt looks it up under
            # the class of owner: the two never meet
            self._problem(node, "tr() on another object; use self.tr or translate() with a context")
            return
        text = _literal(node.args[0]) if node.args else None
        if text is None:
            self._problem(node, "self.tr() with a text that is not a literal string")
        elif _parenthesised(self.lines, func, node.args[0], first=True):
            self._problem(node, "self.tr() with its text in extra parentheses (lupdate skips it)")
        elif not self.classes:
            self._problem(node, "self.tr() outside a class")
        else:
            self.messages.append(Message(self.classes[-1], text, where))
            self.with_self_tr.setdefault(self.classes[-1], where)

    def _translate(self, node: ast.Call, where: str) -> None:
        if len(node.args) < 2:
            self._problem(node, "translate() needs a context and a text")
            return
        context, text = _literal(node.args[0]), _literal(node.args[1])
        if context is None:
            self._problem(node, "translate() with a context that is not a literal string")
        elif text is None:
            self.by_variable.append((context, where))
        elif _parenthesised(self.lines, node.args[0], node.args[1], first=False):
            self._problem(node, "translate() with its text in extra parentheses (lupdate skips it)")
        else:
            self.messages.append(Message(context, text, where))


@dataclass(frozen=True)
class Scan:
    """What the whole package hands to Qt for translation, and what lupdate would miss."""

    messages: list[Message]
    problems: list[str]
    subclassed_with_tr: list[str]


def _modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def scan_package() -> Scan:
    """Scan every module of coach/."""
    messages: list[Message] = []
    problems: list[str] = []
    marked: set[str] = set()
    by_variable: list[tuple[str, str]] = []
    bases: set[str] = set()
    with_tr: dict[str, str] = {}  # class -> where it calls self.tr
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, str(path))
        scan = _Scan(path.relative_to(REPO).as_posix(), source)
        scan.visit(tree)
        messages += scan.messages
        problems += scan.problems
        marked |= scan.marked
        by_variable += scan.by_variable
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases |= {b.id for b in node.bases if isinstance(b, ast.Name)}
        for name, where in scan.with_self_tr.items():
            with_tr.setdefault(name, where)
    for context, where in by_variable:
        if context not in marked:
            problems.append(
                f"{where}: translate() with a text that is not a literal string (only strings "
                f"marked QT_TRANSLATE_NOOP({context!r}, ...) may be translated by variable)"
            )
    # PySide's self.tr looks a string up under the class of the object, lupdate under the class
    # the call is written in: in a class that others subclass, the two differ
    subclassed = sorted(f"{where} ({name})" for name, where in with_tr.items() if name in bases)
    return Scan(messages, problems, subclassed)


def test_every_translated_text_is_a_literal_lupdate_can_see() -> None:
    found = scan_package()
    assert found.problems == [], "\n".join(found.problems)
    assert len(found.messages) > 500  # the scan does see the app's words


def test_no_class_that_is_subclassed_translates_with_self_tr() -> None:
    assert scan_package().subclassed_with_tr == []


def test_the_scan_catches_what_lupdate_would_miss(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "CONTEXT = 'X'\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('X', text)\n"
        "class View:\n"
        "    def show(self, name, owner):\n"
        "        self.tr(name)\n"
        "        self.tr(f'Hello {name}')\n"
        "        self.tr(('a ' 'b'))\n"
        "        QCoreApplication.translate('X', ('c ' 'd'))\n"
        "        owner.tr('c')\n"
        "        _tr('d')\n"
        "        QCoreApplication.translate(CONTEXT, 'e')\n"
        "        print(f\"{self.tr('g')}\")\n"
        "        self.tr('fine')\n"
        "        QCoreApplication.translate('X', 'fine too', None, 2)\n"
    )
    scan = _Scan("bad.py", bad.read_text())
    scan.visit(ast.parse(bad.read_text()))
    assert [p.split(":")[1] for p in scan.problems] == ["7", "8", "9", "10", "11", "12", "13", "14"]
    assert scan.by_variable == [("X", "bad.py:4")]  # flagged unless X's strings are marked
    assert [(m.context, m.text) for m in scan.messages] == [
        ("View", "g"),
        ("View", "fine"),
        ("X", "fine too"),
    ]


LUPDATE = REPO / ".venv" / "bin" / "pyside6-lupdate"


def lupdate(tmp_path: Path) -> dict[str, set[str]]:
    """Run Qt's lupdate over coach/ and read back each context's source texts."""
    tool = LUPDATE if LUPDATE.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "coach.ts"
    subprocess.run(
        [str(tool), "-extensions", "py", str(PACKAGE), "-ts", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found: dict[str, set[str]] = {}
    for context in ET.parse(out).getroot().iter("context"):
        name = context.findtext("name") or ""
        found.setdefault(name, set()).update(
            m.findtext("source") or "" for m in context.iter("message")
        )
    return found


def test_lupdate_extracts_the_words_the_core_no_longer_holds(tmp_path: Path) -> None:
    found = lupdate(tmp_path)
    assert {"Tense", "Breathe in", "Breathe out", "Listen"} <= found["StepKind"]
    assert {"Relaxation (PMR)", "Self-massage"} <= found["RoutineKind"]
    assert {"Pain today", "worst imaginable"} <= found["RatingFields"]
    assert "Over {0} sessions, {1} on average (from {2} to {3})." in found["TrendsView"]
    assert "Pain this week {0}, down from {1} four weeks ago; {2}." in found["TrendsView"]
    assert "Logged on {0} of the {1}" in found["ClinicianReport"]


def test_lupdate_extracts_every_string_the_scan_sees_in_the_same_context(tmp_path: Path) -> None:
    found = lupdate(tmp_path)
    missing = [
        f"{m.where}: {m.context}: {m.text!r}"
        for m in scan_package().messages
        if m.text not in found.get(m.context, set())
    ]
    assert missing == [], "\n".join(missing)
