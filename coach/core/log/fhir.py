"""The log as a FHIR R4 Bundle, for health records and clinicians' systems.

A `collection` Bundle: a Patient with no identifying details (the log knows none), an Observation
per logged value, coded with LOINC where a code exists (pain, PEG, hours slept) and with a local
code system otherwise (worst pain, sleep quality, stress), and a MedicationStatement per
medication taken. Every Observation is a self-reported `survey` with `status` final and the day
as `effectiveDateTime` (a date: the log's days have no time of day). Identifiers are derived from
the values (UUID 5), so exporting the same log twice gives the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry, MedicationTaken

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
LOCAL = "urn:unknot:log"  # Unknot's own codes, for items no standard code system covers
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_NAMESPACE = uuid.UUID("8f0b2a64-1d55-5c8e-9a53-7a1f0c6d2e11")

# (system, code, display) of each day value.
PAIN = (LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PEG_PAIN = (LOINC, "75893-8", "Pain intensity average in past week [PEG]")
PEG_ENJOYMENT = (LOINC, "91145-3", "Pain interference with enjoyment of life [PEG]")
PEG_ACTIVITY = (LOINC, "91146-1", "Pain interference with general activity [PEG]")
PEG_SCORE = (LOINC, "91147-9", "PEG 3-item pain scale score")
SLEEP_HOURS = (LOINC, "93832-4", "Sleep duration")
WORST_PAIN = (LOCAL, "worst-pain", "Worst pain today (0 no pain, 10 worst imaginable)")
SLEEP_QUALITY = (LOCAL, "sleep-quality", "Sleep quality last night (0 terrible, 10 excellent)")
STRESS = (LOCAL, "stress", "Stress today (0 none, 10 extreme)")

# SNOMED CT body structures for the regions where one clearly names the part; the side (left,
# right) and the exact part of the region stay in the text, which is the region's own name.
_BODY_PARTS: dict[str, tuple[str, str]] = {
    "forehead": ("52795006", "Forehead structure"),
    "neck": ("45048000", "Neck structure"),
    "shoulder": ("16982005", "Shoulder region structure"),
    "chest": ("51185008", "Thoracic structure"),
    "upper_arm": ("40983000", "Structure of upper limb between shoulder and elbow"),
    "elbow": ("127949000", "Elbow region structure"),
    "forearm": ("14975008", "Forearm structure"),
    "hand": ("85562004", "Hand structure"),
    "hip": ("29836001", "Hip region structure"),
    "thigh": ("68367000", "Thigh structure"),
    "hamstring": ("68367000", "Thigh structure"),
    "knee": ("72696002", "Knee region structure"),
    "shin": ("78234002", "Shin structure"),
    "calf": ("244015008", "Entire calf of leg"),
    "foot": ("56459004", "Foot structure"),
    "sole": ("56459004", "Foot structure"),
    "lower_back": ("37822005", "Lower back structure"),
    "lumbar_spine": ("37822005", "Lower back structure"),
    "glute": ("46862004", "Buttock structure"),
}
# The words of a region id that name its body part, most specific first.
_PART_WORDS = (
    "lower_back",
    "lumbar_spine",
    "upper_arm",
    "forehead",
    "shoulder_blade",  # not the shoulder region: no code, text only
    "shoulder",
    "forearm",
    "elbow",
    "hand",
    "hip",
    "thigh",
    "hamstring",
    "knee",
    "shin",
    "calf",
    "foot",
    "sole",
    "glute",
    "chest",
    "neck",
)


def body_site_code(region: str) -> tuple[str, str] | None:
    """The SNOMED CT (code, display) of the body part a region is on, or None if none is clear."""
    padded = f"_{region}_"
    for word in _PART_WORDS:
        if f"_{word}_" in padded:
            return _BODY_PARTS.get(word)
    return None


def _id(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '/'.join(str(p) for p in parts))}"


def _concept(code: tuple[str, str, str]) -> dict[str, Any]:
    system, value, display = code
    return {"coding": [{"system": system, "code": value, "display": display}], "text": display}


_SURVEY = [{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}]


class _Builder:
    """Collects the Bundle's entries for one patient."""

    def __init__(self, patient: str, catalogue: RegionCatalogue | None) -> None:
        self.patient = patient
        self.catalogue = catalogue
        self.entries: list[dict[str, Any]] = []

    def add(self, full_url: str, resource: dict[str, Any]) -> None:
        self.entries.append({"fullUrl": full_url, "resource": resource})

    def observation(
        self,
        date: dt.date,
        code: tuple[str, str, str],
        value: dict[str, Any],
        body_site: dict[str, Any] | None = None,
        key: str = "",
    ) -> None:
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "category": _SURVEY,
            "code": _concept(code),
            "subject": {"reference": self.patient},
            "effectiveDateTime": date.isoformat(),
            **value,
        }
        if body_site is not None:
            resource["bodySite"] = body_site
        self.add(_id("observation", date, code[1], key), resource)

    def body_site(self, region: str) -> dict[str, Any]:
        known = self.catalogue.regions.get(region) if self.catalogue is not None else None
        text = known.name if known is not None else region.replace("_", " ").capitalize()
        site: dict[str, Any] = {"text": text}
        code = body_site_code(region)
        if code is not None:
            site["coding"] = [{"system": SNOMED, "code": code[0], "display": code[1]}]
        return site

    def day(self, day: DayEntry) -> None:
        date = day.date
        for code, value in ((PAIN, day.pain), (WORST_PAIN, day.worst_pain)):
            if value is not None:
                self.observation(date, code, {"valueInteger": value})
        peg = (day.pain, day.enjoyment, day.activity)
        if day.enjoyment is not None or day.activity is not None:
            for code, value in zip((PEG_PAIN, PEG_ENJOYMENT, PEG_ACTIVITY), peg, strict=True):
                if value is not None:
                    self.observation(date, code, {"valueInteger": value})
        if all(v is not None for v in peg):
            mean = round(sum(v for v in peg if v is not None) / 3, 2)
            self.observation(date, PEG_SCORE, {"valueQuantity": _score(mean)})
        if day.sleep_hours is not None:
            hours = {"value": day.sleep_hours, "unit": "h", "system": UCUM, "code": "h"}
            self.observation(date, SLEEP_HOURS, {"valueQuantity": hours})
        for code, value in ((SLEEP_QUALITY, day.sleep_quality), (STRESS, day.stress)):
            if value is not None:
                self.observation(date, code, {"valueInteger": value})
        for region, intensity in day.areas.items():
            self.observation(
                date, PAIN, {"valueInteger": intensity}, self.body_site(region), key=region
            )
        for position, taken in enumerate(day.medications):
            self.medication(date, position, taken)

    def medication(self, date: dt.date, position: int, taken: MedicationTaken) -> None:
        how = "as needed" if taken.as_needed else "regular dose"
        notes = []
        if taken.time is not None:
            notes.append(f"Taken at {taken.time:%H:%M} (local time).")
        if taken.helped is not None:
            notes.append(f"Helped: {taken.helped} out of 10 (self-rated).")
        resource: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "status": "completed",
            "medicationCodeableConcept": {"text": taken.name},
            "subject": {"reference": self.patient},
            "effectiveDateTime": date.isoformat(),
            "dosage": [{"text": how, "asNeededBoolean": taken.as_needed}],
        }
        if notes:
            resource["note"] = [{"text": " ".join(notes)}]
        self.add(_id("medication", date, position, taken.name), resource)


def _score(value: float) -> dict[str, Any]:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


def fhir_bundle(
    days: Iterable[DayEntry], exported_at: dt.datetime, catalogue: RegionCatalogue | None = None
) -> dict[str, Any]:
    """The days as a FHIR R4 Bundle of type `collection` (a JSON-ready dict)."""
    patient = _id("patient")
    builder = _Builder(patient, catalogue)
    builder.add(
        patient,
        {
            "resourceType": "Patient",
            "text": {
                "status": "generated",
                "div": '<div xmlns="http://www.w3.org/1999/xhtml">The person who kept this '
                "log in Unknot (self-reported data; no identifying details).</div>",
            },
        },
    )
    for day in days:
        builder.day(day)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": exported_at.isoformat(timespec="seconds"),
        "entry": builder.entries,
    }


def encode_fhir(
    days: Iterable[DayEntry], exported_at: dt.datetime, catalogue: RegionCatalogue | None = None
) -> bytes:
    """The FHIR Bundle as a UTF-8 JSON file."""
    bundle = fhir_bundle(days, exported_at, catalogue)
    return (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
