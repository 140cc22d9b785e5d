"""The routine library: built-in and user folders, overrides, broken files and what is skipped."""

from __future__ import annotations

from pathlib import Path

from coach.core.body.regions import RegionCatalogue
from coach.core.routines.library import RoutineLibrary, RoutineSource, session_files
from coach.paths import Paths
from tests.conftest import MINIMAL, write_session

REPO = Path(__file__).resolve().parents[3]
BUILTIN_IDS = sorted(p.stem for p in (REPO / "sessions").glob("*.toml"))


def titled(title: str, extra: str = "") -> str:
    return MINIMAL.replace('title = "Two steps"', f'title = "{title}"{extra}')


def one_folder(folder: Path, catalogue: RegionCatalogue, label: str = "yours") -> RoutineLibrary:
    return RoutineLibrary([RoutineSource(label, folder)], catalogue)


def test_builtins_all_load_cleanly(library):
    scan = library.scan()
    assert scan.broken == ()
    assert sorted(e.routine.id for e in scan.entries) == BUILTIN_IDS
    for entry in scan.entries:
        assert entry.source.label == "built-in"
        assert entry.overrides is None
        assert entry.routine.warnings == (), [str(w) for w in entry.routine.warnings]
        assert entry.routine.steps


def test_entries_are_sorted_by_title(tmp_path, catalogue):
    write_session(tmp_path, "b.toml", titled("banana"))
    write_session(tmp_path, "a.toml", titled("Cherry"))
    write_session(tmp_path, "c.toml", titled("apple"))
    scan = one_folder(tmp_path, catalogue).scan()
    assert [e.routine.title for e in scan.entries] == ["apple", "banana", "Cherry"]


def test_a_user_file_with_a_builtin_id_wins(library, paths: Paths):
    builtin = library.scan().find("pmr-4")
    assert builtin is not None
    mine = write_session(paths.user_sessions, "pmr-4.toml", titled("My PMR"))
    scan = library.scan()
    entry = scan.find("pmr-4")
    assert entry is not None
    assert entry.routine.title == "My PMR"
    assert entry.source.label == "yours"
    assert entry.routine.path == mine
    assert entry.overrides == builtin.routine.path
    assert [e.routine.id for e in scan.entries].count("pmr-4") == 1
    assert scan.broken == ()


def test_the_override_may_come_from_the_id_key(library, paths):
    write_session(paths.user_sessions, "my-copy.toml", titled("Mine", '\nid = "massage-low-back"'))
    entry = library.scan().find("massage-low-back")
    assert entry is not None
    assert entry.source.label == "yours"
    assert entry.routine.path == paths.user_sessions / "my-copy.toml"
    assert entry.overrides is not None
    assert entry.overrides.name == "massage-low-back.toml"


def test_a_broken_override_leaves_the_builtin_in_place(library, paths):
    bad = write_session(paths.user_sessions, "pmr-4.toml", MINIMAL.replace("duration = 4", "x"))
    scan = library.scan()
    entry = scan.find("pmr-4")
    assert entry is not None
    assert entry.source.label == "built-in"
    assert entry.overrides is None
    assert [b.path for b in scan.broken] == [bad]
    assert scan.broken[0].source.label == "yours"


def test_one_broken_file_does_not_stop_the_others(tmp_path, catalogue):
    write_session(tmp_path, "a-good.toml", titled("Good A"))
    bad = write_session(tmp_path, "b-bad.toml", MINIMAL.replace("duration = 4", "duration = -4"))
    write_session(tmp_path, "c-good.toml", titled("Good C"))
    scan = one_folder(tmp_path, catalogue).scan()
    assert [e.routine.id for e in scan.entries] == ["a-good", "c-good"]
    [broken] = scan.broken
    assert broken.path == bad
    assert broken.source.label == "yours"
    assert broken.problems
    assert any(
        str(p).startswith(f"{bad}:6: steps[0].duration must be a positive number")
        for p in broken.problems
    ), [str(p) for p in broken.problems]


def test_every_kind_of_unusable_file_is_listed(tmp_path, catalogue):
    write_session(tmp_path, "empty.toml", "")
    (tmp_path / "latin1.toml").write_bytes(MINIMAL.encode().replace(b"slowly", b"sl\xe9wly"))
    write_session(tmp_path, "not-toml.toml", "format = = 1\n")
    write_session(tmp_path, "ok.toml", MINIMAL)
    scan = one_folder(tmp_path, catalogue).scan()
    assert [e.routine.id for e in scan.entries] == ["ok"]
    assert sorted(b.path.name for b in scan.broken) == [
        "empty.toml",
        "latin1.toml",
        "not-toml.toml",
    ]
    assert all(len(b.problems) == 1 for b in scan.broken)


def test_two_files_with_one_id_in_one_folder(tmp_path, catalogue):
    write_session(tmp_path, "one.toml", titled("One", '\nid = "same"'))
    second = write_session(tmp_path, "two.toml", titled("Two", '\nid = "same"'))
    scan = one_folder(tmp_path, catalogue).scan()
    entry = scan.find("same")
    assert entry is not None
    assert entry.routine.title == "One"  # the path that sorts first
    [broken] = scan.broken
    assert broken.path == second
    [problem] = broken.problems
    assert problem.file == second
    assert str(problem) == (
        f"{second}: has id 'same', which one.toml already uses; give it another `id`"
    )


def test_same_id_in_a_subfolder_counts_as_the_same_folder(tmp_path, catalogue):
    top = write_session(tmp_path, "stretch.toml", titled("Top"))
    write_session(tmp_path / "old", "stretch.toml", titled("Nested"))
    scan = one_folder(tmp_path, catalogue).scan()
    # paths sort part by part: old/stretch.toml comes before stretch.toml, so it is the one kept
    assert scan.find("stretch").routine.title == "Nested"
    assert [b.path for b in scan.broken] == [top]
    assert "has id 'stretch'" in scan.broken[0].problems[0].message


def test_the_clash_message_says_which_file_has_the_id(tmp_path, catalogue):
    write_session(tmp_path, "stretch.toml", titled("Top"))
    write_session(tmp_path / "old", "stretch.toml", titled("Nested"))
    [broken] = one_folder(tmp_path, catalogue).scan().broken
    assert "old/stretch.toml" in broken.problems[0].message


def test_same_id_in_two_sources_is_an_override_not_an_error(tmp_path, catalogue):
    first = write_session(tmp_path / "a", "x.toml", titled("First"))
    write_session(tmp_path / "b", "x.toml", titled("Second"))
    library = RoutineLibrary(
        [RoutineSource("built-in", tmp_path / "a"), RoutineSource("yours", tmp_path / "b")],
        catalogue,
    )
    scan = library.scan()
    assert scan.broken == ()
    entry = scan.find("x")
    assert (entry.routine.title, entry.source.label, entry.overrides) == ("Second", "yours", first)


def test_hidden_files_and_folders_are_ignored(tmp_path, catalogue):
    write_session(tmp_path, ".draft.toml", "this is not even toml")
    write_session(tmp_path / ".git", "config.toml", "nor this")
    write_session(tmp_path / "sub" / ".trash", "old.toml", "nor this")
    write_session(tmp_path, "visible.toml", MINIMAL)
    scan = one_folder(tmp_path, catalogue).scan()
    assert [e.routine.id for e in scan.entries] == ["visible"]
    assert scan.broken == ()


def test_a_folder_inside_a_hidden_folder_is_still_read(tmp_path, catalogue):
    """The default data folder is ~/.local/share/unknot: only hidden parts below it count."""
    folder = tmp_path / ".local" / "share" / "unknot" / "sessions"
    write_session(folder, "mine.toml", MINIMAL)
    assert [e.routine.id for e in one_folder(folder, catalogue).scan().entries] == ["mine"]


def test_subfolders_are_scanned(tmp_path, catalogue):
    write_session(tmp_path / "back", "low.toml", titled("Low"))
    write_session(tmp_path / "back" / "deeper" / "still", "deep.toml", titled("Deep"))
    scan = one_folder(tmp_path, catalogue).scan()
    assert sorted(e.routine.id for e in scan.entries) == ["deep", "low"]


def test_only_toml_files_are_read(tmp_path, catalogue):
    write_session(tmp_path, "README.txt", "not a session")
    write_session(tmp_path, "notes.toml.bak", "not a session")
    write_session(tmp_path / "folder.toml", "inside.toml", MINIMAL)  # a folder named *.toml
    assert session_files(tmp_path) == [tmp_path / "folder.toml" / "inside.toml"]
    assert [e.routine.id for e in one_folder(tmp_path, catalogue).scan().entries] == ["inside"]


def test_a_missing_folder_is_simply_empty(tmp_path, catalogue):
    scan = one_folder(tmp_path / "does-not-exist", catalogue).scan()
    assert scan.entries == ()
    assert scan.broken == ()
    assert session_files(tmp_path / "does-not-exist") == []
    not_a_folder = write_session(tmp_path, "file.toml", MINIMAL)
    assert session_files(not_a_folder) == []


def test_find(library):
    scan = library.scan()
    entry = scan.find("pmr-16")
    assert entry is not None
    assert entry.routine.id == "pmr-16"
    assert scan.find("no-such-routine") is None
    assert scan.find("") is None


def test_load_reads_one_file(library, tmp_path):
    path = write_session(tmp_path, "single.toml", MINIMAL)
    assert library.load(path).id == "single"


def test_a_file_that_crashes_the_loader_does_not_stop_the_others(tmp_path, catalogue):
    write_session(tmp_path, "good.toml", MINIMAL)
    write_session(
        tmp_path,
        "crash.toml",
        'format = 1\ntitle = "x"\n[[steps]]\nfor_each = 5\n'
        '  [[steps.steps]]\n  text = "a"\n  duration = 1\n',
    )
    scan = one_folder(tmp_path, catalogue).scan()
    assert [e.routine.id for e in scan.entries] == ["good"]
    assert [b.path.name for b in scan.broken] == ["crash.toml"]
