"""Session files: TOML routines that people write and share. Reading, checking and expanding them.

The format (its keys and limits) is declared in coach.core.routines.session_format and documented in
docs/session-format.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from coach.core.body.regions import RegionCatalogue
from coach.core.log.fields import check_table
from coach.core.playing.speech_estimate import speaking_seconds
from coach.core.reading import sound_problem
from coach.core.routines.cues import CUE_NAMES, BuiltinCue, Cue, builtin_cue
from coach.core.routines.problems import FileProblems, Problem, Severity
from coach.core.routines.routine import DEFAULT_CUE, Routine, Step, StepKind
from coach.core.routines.session_format import (
    BLOCK_FIELDS,
    ID_PATTERN,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_STEPS,
    MAX_TOTAL_SECONDS,
    PLACEHOLDER,
    ROUTINE_FIELDS,
    STEP_FIELDS,
)
from coach.core.routines.tomlfile import TomlDocument, field_name, parse_toml, read_toml
from coach.core.routines.tomlpos import KeyPath


@dataclass(frozen=True)
class _Scope:
    """What a template sees while a block is expanded: placeholder values and inherited regions."""

    values: dict[str, str]
    regions: tuple[str, ...] | None
    origin: str


class _Expander:
    def __init__(self, doc: TomlDocument, catalogue: RegionCatalogue) -> None:
        self.doc = doc
        self.catalogue = catalogue
        self.folder = doc.path.parent
        self.problems: list[Problem] = []
        self.steps: list[Step] = []
        self.reported: set[tuple[KeyPath, str]] = set()
        self.sound_checks: dict[Path, str | None] = {}  # each sound file checked once
        self.structure_ok: dict[KeyPath, bool] = {}
        self.visits = 0
        self.too_many = False

    def report(self, path: KeyPath, message: str) -> None:
        # a template expanded many times reports each mistake once
        if (path, message) not in self.reported:
            self.reported.add((path, message))
            self.problems.append(self.doc.problem(path, message))

    def well_formed(self, where: KeyPath, check: Callable[[], list[Problem]]) -> bool:
        """Check a table's shape once, however often its block repeats."""
        if where not in self.structure_ok:
            found = check()
            self.problems += found
            self.structure_ok[where] = not found
        return self.structure_ok[where]

    def entries(self, entries: list[Any], path: KeyPath, scope: _Scope, depth: int) -> None:
        for i, entry in enumerate(entries):
            if self.too_many:
                return
            where = (*path, i)
            if not isinstance(entry, dict):
                continue  # already reported by check_table
            if "steps" in entry:
                self.block(entry, where, scope, depth)
            else:
                self.step(entry, where, scope)

    def block_problems(self, table: dict[str, Any], where: KeyPath, depth: int) -> list[Problem]:
        found = check_table(self.doc, table, BLOCK_FIELDS, where)
        if depth >= MAX_DEPTH:
            found.append(self.doc.problem(where, f"nests blocks more than {MAX_DEPTH} deep"))
        for key in ("for_each", "sides"):
            if table.get(key) == []:
                found.append(
                    self.doc.problem((*where, key), "must not be empty; leave it out instead")
                )
        items = table.get("for_each")
        for j, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            for key, value in item.items():
                item_where = (*where, "for_each", j, key)
                if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                    found.append(self.doc.problem(item_where, "is not a usable placeholder name"))
                elif key == "regions":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        found.append(self.doc.problem(item_where, "must be a list of region ids"))
                elif not isinstance(value, str | int | float) or isinstance(value, bool):
                    found.append(self.doc.problem(item_where, "must be text or a number"))
                elif isinstance(value, int) and abs(value) > 10**15:
                    found.append(self.doc.problem(item_where, "is too large a number to show"))
        return found

    def block(self, table: dict[str, Any], where: KeyPath, scope: _Scope, depth: int) -> None:
        if not self.well_formed(where, lambda: self.block_problems(table, where, depth)):
            return
        items = table.get("for_each") or [{}]
        sides = table.get("sides") or [None]
        rounds = range(1, table.get("repeat", 1) + 1)
        for j, item in enumerate(items):
            origin = f"{scope.origin} item {j + 1}" if "for_each" in table else scope.origin
            values = {**scope.values, **{k: str(v) for k, v in item.items() if k != "regions"}}
            for side in sides:
                side_values = dict(values)
                if side is not None:
                    side_values.update(side=side, Side=side.capitalize())
                for round_ in rounds:
                    if "repeat" in table:
                        side_values["round"] = str(round_)
                    inner = _Scope(side_values, scope.regions, origin)
                    # the item's regions win over the block's, which win over the outer scope's;
                    # they are filled here, so they may use this block's own {side} and items
                    if "regions" in item:
                        inner = replace(
                            inner,
                            regions=self.regions(
                                item["regions"], (*where, "for_each", j, "regions"), inner
                            ),
                        )
                    elif "regions" in table:
                        inner = replace(
                            inner,
                            regions=self.regions(table["regions"], (*where, "regions"), inner),
                        )
                    self.entries(table["steps"], (*where, "steps"), inner, depth + 1)
                    if self.too_many:
                        return

    def step(self, table: dict[str, Any], where: KeyPath, scope: _Scope) -> None:
        self.visits += 1
        if self.visits > MAX_STEPS:
            self.report(where, f"expands to more than {MAX_STEPS} steps; simplify the repetitions")
            self.too_many = True
            return
        if not self.well_formed(where, lambda: check_table(self.doc, table, STEP_FIELDS, where)):
            return
        text = self.fill(table["text"], (*where, "text"), scope)
        say = self.fill(table["say"], (*where, "say"), scope) if "say" in table else None
        kind = StepKind(table.get("kind", "instruction"))
        regions = (
            scope.regions
            if "regions" not in table
            else self.regions(table["regions"], (*where, "regions"), scope)
        ) or ()
        self.check_spine(kind, regions, where)
        cue = self.cue(table, where, scope, kind)
        audio = None
        if "audio" in table:
            audio = self.sound(
                self.inside_folder(
                    self.fill(table["audio"], (*where, "audio"), scope), (*where, "audio")
                ),
                (*where, "audio"),
            )
        self.steps.append(
            Step(
                text=text,
                duration=float(table["duration"]),
                kind=kind,
                say=say,
                regions=regions,
                cue=cue,
                audio=audio,
                origin=f"{field_name(where)}{scope.origin}",
            )
        )

    def check_spine(self, kind: StepKind, regions: tuple[str, ...], where: KeyPath) -> None:
        """Never press on the spine; never ask to tense a spinal region by name."""
        spine = {r for r, region in self.catalogue.regions.items() if region.spine}
        if kind is StepKind.MASSAGE:
            pressed = sorted(self.catalogue.expand_all(regions) & spine)
            if pressed:
                names = ", ".join(self.catalogue.name(r) for r in pressed)
                self.report(
                    (*where, "regions"),
                    f"would massage the spine itself ({names}); name the muscles beside it instead",
                )
        elif kind is StepKind.TENSE:
            named = [r for r in regions if r in spine]
            if named:
                self.report(
                    (*where, "regions"),
                    f"asks to tense the spine itself ({', '.join(named)}); name the muscles instead",
                )

    def cue(self, table: dict[str, Any], where: KeyPath, scope: _Scope, kind: StepKind) -> Cue:
        if "cue" not in table:
            return DEFAULT_CUE.get(kind, BuiltinCue.STEP)
        cue = self.fill(table["cue"], (*where, "cue"), scope)
        builtin = builtin_cue(cue)
        if builtin is not None:
            return builtin
        if not cue.lower().endswith(".wav"):
            self.report(
                (*where, "cue"),
                f"must be one of {', '.join(CUE_NAMES)} or a .wav file, got {cue!r}",
            )
            return BuiltinCue.STEP
        path = self.sound(self.inside_folder(cue, (*where, "cue")), (*where, "cue"))
        return path or BuiltinCue.STEP

    def sound(self, path: Path | None, where: KeyPath) -> Path | None:
        """`path` if it is a WAV file that can be played (header, format and size checked)."""
        if path is None:
            return None
        if path not in self.sound_checks:
            self.sound_checks[path] = sound_problem(path)
        problem = self.sound_checks[path]
        if problem is not None:
            self.report(where, f"names {path.name!r}, which {problem}")
            return None
        return path

    def fill(self, template: str, where: KeyPath, scope: _Scope) -> str:
        def replace(match: re.Match[str]) -> str:
            token = match.group(0)
            if token in ("{{", "}}"):
                return token[0]
            name = match.group(1)
            if name is None:
                self.report(where, "has a lone { or }; write {{ or }} for a literal brace")
                return token
            if name not in scope.values:
                known = ", ".join("{" + k + "}" for k in sorted(scope.values)) or "none here"
                self.report(where, f"uses {{{name}}}, which is not defined (defined: {known})")
                return token
            return scope.values[name]

        return PLACEHOLDER.sub(replace, template)

    def regions(
        self, ids: list[str] | None, where: KeyPath, scope: _Scope
    ) -> tuple[str, ...] | None:
        if ids is None:
            return None
        out: list[str] = []
        for i, raw in enumerate(ids):
            id_ = self.fill(raw, (*where, i), scope)
            if self.catalogue.knows(id_):
                out.append(id_)
            else:
                close = self.catalogue.suggest(id_)
                hint = (
                    f' (did you mean "{close}"?)'
                    if close
                    else "; `coach regions list` shows the ids"
                )
                self.report((*where, i), f"names unknown region {id_!r}{hint}")
        return tuple(out)

    def inside_folder(self, relative: str, where: KeyPath) -> Path | None:
        if "\0" in relative:
            self.report(where, "must not contain a NUL character")
            return None
        candidate = Path(relative)
        if (
            candidate.is_absolute()
            or relative.startswith(("~", "\\"))
            or re.match(r"^[A-Za-z]:", relative)
        ):
            self.report(where, f"must be a path inside the session's folder, got {relative!r}")
            return None
        try:
            folder = self.folder.resolve()
            resolved = (folder / candidate).resolve()
            outside = not resolved.is_relative_to(folder)
            exists = not outside and resolved.exists()
        except OSError as exc:  # e.g. a file name longer than the file system allows
            self.report(where, f"cannot be used as a file name ({exc.strerror or exc})")
            return None
        if outside:
            self.report(
                where, f"leaves the session's folder ({relative!r}); keep sounds beside the file"
            )
            return None
        if not exists:
            self.report(where, f"names {relative!r}, which does not exist in {self.folder}")
            return None
        return resolved


def load_routine(path: Path, catalogue: RegionCatalogue) -> Routine:
    """Read, check and expand the session file at `path`; raise FileProblems if it is unusable."""
    return build_routine(read_toml(path, max_bytes=MAX_FILE_BYTES), catalogue)


def parse_routine(path: Path, raw: bytes, catalogue: RegionCatalogue) -> Routine:
    """Like load_routine, for bytes already in memory (`path` names them in messages)."""
    return build_routine(parse_toml(path, raw, max_bytes=MAX_FILE_BYTES), catalogue)


def build_routine(doc: TomlDocument, catalogue: RegionCatalogue) -> Routine:
    """Check a parsed session file and expand its blocks into a Routine."""
    data = doc.data
    problems = check_table(doc, data, ROUTINE_FIELDS, ())
    routine_id = data.get("id", doc.path.stem)
    if isinstance(routine_id, str) and not ID_PATTERN.fullmatch(routine_id):
        if "id" in data:
            message = f"must be lower-case letters, digits, - and _, got {routine_id!r}"
            problems.append(doc.problem(("id",), message))
        else:
            message = (
                f"the file name makes the id {routine_id!r}, but an id must be lower-case letters, "
                "digits, - and _ (rename the file or set `id`)"
            )
            problems.append(doc.problem((), message))
    end_cue = builtin_cue(data.get("end_cue", "end")) or BuiltinCue.END  # checked by its choices
    expander = _Expander(doc, catalogue)
    if isinstance(data.get("steps"), list):
        expander.entries(data["steps"], ("steps",), _Scope({}, None, ""), 0)
    problems += expander.problems
    targets = data.get("targets")
    if isinstance(targets, list):
        for i, id_ in enumerate(targets):
            if isinstance(id_, str) and not catalogue.knows(id_):
                close = catalogue.suggest(id_)
                hint = f' (did you mean "{close}"?)' if close else ""
                problems.append(doc.problem(("targets", i), f"names unknown region {id_!r}{hint}"))
    steps = expander.steps
    total = sum(s.duration for s in steps)
    if not problems and total > MAX_TOTAL_SECONDS:
        problems.append(
            doc.problem(
                ("steps",),
                f"add up to {total / 3600:.1f} hours; a routine may last at most "
                f"{MAX_TOTAL_SECONDS // 3600} hours",
            )
        )
    if problems:
        raise FileProblems(problems)
    if targets is None:
        targets = list(dict.fromkeys(r for s in steps for r in s.regions))
    return Routine(
        id=routine_id,
        title=data["title"],
        steps=tuple(steps),
        kind=data.get("kind", "other"),
        summary=data.get("summary", ""),
        equipment=tuple(data.get("equipment", ())),
        targets=tuple(targets),
        cautions=tuple(data.get("cautions", ())),
        language=data.get("language", "en"),
        author=data.get("author", ""),
        licence=data.get("licence", ""),
        end_cue=end_cue,
        path=doc.path,
        warnings=tuple(_speech_warnings(doc, steps)),
    )


def _speech_warnings(doc: TomlDocument, steps: list[Step]) -> list[Problem]:
    """Steps whose spoken text likely runs past their end, once per template."""
    warned: set[str] = set()
    out: list[Problem] = []
    for step in steps:
        template = step.origin.split(" ")[0]
        needed = speaking_seconds(step.spoken)
        if step.audio is None and needed > step.duration and template not in warned:
            warned.add(template)
            key = "text" if step.say is None else "say"
            out.append(
                Problem(
                    doc.path,
                    f"takes about {needed:.1f} s to say but the step lasts {step.duration:g} s; "
                    f"shorten the {'text' if key == 'text' else 'spoken text'} or lengthen the step",
                    doc.lines.line((*_parse_origin(template), key)),
                    field=f"{template}.{key}",
                    severity=Severity.WARNING,
                )
            )
    return out


def _parse_origin(field: str) -> KeyPath:
    parts: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", field):
        parts.append(name if name else int(index))
    return tuple(parts)
