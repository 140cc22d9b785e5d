"""The FHIR export, validated by an outside FHIR model library (fhir.resources), not only by us."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationstatement import MedicationStatement
from fhir.resources.R4B.observation import Observation

from coach.core.body.regions import RegionCatalogue, load_catalogue
from coach.core.log.demo import generate_demo
from coach.core.log.entries import DayEntry, MedicationTaken
from coach.core.log.fhir import body_site_code, encode_fhir, fhir_bundle
from tests.conftest import REPO

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
DAY = DayEntry(
    dt.date(2026, 2, 27),
    pain=4,
    worst_pain=7,
    sleep_quality=6,
    sleep_hours=7.25,
    enjoyment=3,
    activity=5,
    stress=2,
    areas={"left_lower_back": 6, "right_shoulder_blade": 3},
    medications=(
        MedicationTaken("ibuprofen 400 mg", dt.time(8, 0), True, 6),
        MedicationTaken("amitriptyline 10 mg"),
    ),
)


@pytest.fixture(scope="module")
def catalogue() -> RegionCatalogue:
    return load_catalogue(REPO / "assets" / "regions.toml")


def by_code(bundle: dict, code: str) -> list[dict]:
    return [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] == code
    ]


def test_the_bundle_is_valid_fhir_and_holds_every_value(catalogue: RegionCatalogue) -> None:
    data = encode_fhir([DAY], NOW, catalogue)
    bundle = json.loads(data)

    parsed = Bundle.model_validate(bundle)  # the outside library's own checks
    assert parsed.type == "collection"
    kinds = [e.resource.get_resource_type() for e in parsed.entry]
    assert kinds.count("Patient") == 1
    # pain, worst; the PEG items and score; hours, sleep quality, stress; the two areas
    assert kinds.count("Observation") == 11
    assert kinds.count("MedicationStatement") == 2

    (pain,) = [o for o in by_code(bundle, "72514-3") if "bodySite" not in o]
    assert pain["valueInteger"] == 4
    assert pain["status"] == "final"
    assert pain["effectiveDateTime"] == "2026-02-27"
    assert pain["category"][0]["coding"][0]["code"] == "survey"
    assert pain["code"]["coding"][0]["system"] == "http://loinc.org"
    assert by_code(bundle, "75893-8")[0]["valueInteger"] == 4
    assert by_code(bundle, "91145-3")[0]["valueInteger"] == 3
    assert by_code(bundle, "91146-1")[0]["valueInteger"] == 5
    assert by_code(bundle, "91147-9")[0]["valueQuantity"]["value"] == 4.0
    hours = by_code(bundle, "93832-4")[0]["valueQuantity"]
    assert (hours["value"], hours["unit"], hours["system"], hours["code"]) == (
        7.25, "h", "http://unitsofmeasure.org", "h"
    )  # fmt: skip
    assert by_code(bundle, "sleep-quality")[0]["valueInteger"] == 6
    assert by_code(bundle, "stress")[0]["code"]["text"].startswith("Stress")
    assert by_code(bundle, "worst-pain")[0]["valueInteger"] == 7

    sites = {o["bodySite"]["text"]: o for o in by_code(bundle, "72514-3") if "bodySite" in o}
    assert set(sites) == {"Left lower back", "Right shoulder blade"}
    lower = sites["Left lower back"]
    assert lower["valueInteger"] == 6
    assert lower["bodySite"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "37822005", "display": "Lower back structure"}
    ]
    assert "coding" not in sites["Right shoulder blade"]["bodySite"]  # no clear code: text only

    statements = [
        MedicationStatement.model_validate(e["resource"])
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "MedicationStatement"
    ]
    assert [s.medicationCodeableConcept.text for s in statements] == [
        "ibuprofen 400 mg",
        "amitriptyline 10 mg",
    ]
    assert statements[0].dosage[0].asNeededBoolean is True
    assert (
        statements[0].note[0].text
        == "Taken at 08:00 (local time). Helped: 6 out of 10 (self-rated)."
    )
    assert statements[1].dosage[0].text == "regular dose"
    patient = bundle["entry"][0]["fullUrl"]
    assert all(e["resource"]["subject"]["reference"] == patient for e in bundle["entry"][1:])


def test_every_observation_of_a_year_of_demo_data_is_valid(catalogue: RegionCatalogue) -> None:
    days, _sessions = generate_demo(dt.date(2025, 1, 1), dt.date(2025, 12, 31), seed=4)
    bundle = fhir_bundle(days, NOW, catalogue)
    Bundle.model_validate(bundle)
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls))  # every entry its own id
    for entry in bundle["entry"][1:200]:
        resource = entry["resource"]
        model = Observation if resource["resourceType"] == "Observation" else MedicationStatement
        model.model_validate(resource)
    # the same log gives the same file
    assert fhir_bundle(days, NOW, catalogue) == bundle


def test_an_empty_log_is_a_valid_bundle_with_the_patient_only() -> None:
    bundle = fhir_bundle([], NOW)
    Bundle.model_validate(bundle)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("left_lower_back", "37822005"),
        ("lumbar_spine", "37822005"),
        ("right_glute", "46862004"),
        ("left_shoulder_top", "16982005"),
        ("left_shoulder_blade", None),
        ("right_hand_palm", "85562004"),
        ("left_upper_arm_back", "40983000"),
        ("neck_front", "45048000"),
        ("left_mid_back", None),
        ("sacrum", None),
    ],
)
def test_body_sites_are_coded_only_where_a_code_is_clear(region: str, code: str | None) -> None:
    found = body_site_code(region)
    assert (found[0] if found else None) == code


def test_the_cli_writes_the_fhir_export(tmp_path: Path) -> None:
    from coach.cli.main import run
    from coach.paths import Paths
    from coach.store.backup import BackupKeeper
    from coach.store.repository import LogRepository

    paths = Paths.resolve(tmp_path / "data")
    paths.ensure()
    log = LogRepository.open(paths.database, BackupKeeper(paths.backups))
    log.save_day(DAY)
    log.close()
    out = tmp_path / "log.fhir.json"
    assert run(["--data-dir", str(paths.data_dir), "export", "--format", "fhir", "--output",
                str(out)]) == 0  # fmt: skip
    Bundle.model_validate_json(out.read_bytes())
    assert out.stat().st_mode & 0o777 == 0o600
