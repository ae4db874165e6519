import dataclasses
import json

import jsonschema
import pytest

from newsfuse import model
from newsfuse.model import SCHEMA_VERSION, Report, to_dict
from newsfuse.render import load_schema, report_json
from newsfuse.render.sample import sample_report


def test_schema_is_valid_and_versioned() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_sample_report_uses_every_model_type() -> None:
    # The validation test below is only worth something if the report exercises every type.
    seen: set[str] = set()

    def walk(obj: object) -> None:
        if dataclasses.is_dataclass(obj):
            seen.add(type(obj).__name__)
            for f in dataclasses.fields(obj):
                walk(getattr(obj, f.name))
        elif isinstance(obj, list):
            for x in obj:
                walk(x)

    walk(sample_report())
    schema_types = set(load_schema()["$defs"])
    assert schema_types <= seen | {"RawDocument"}, schema_types - seen


def test_report_json_validates() -> None:
    data = json.loads(report_json(sample_report(hostile=True)))
    jsonschema.validate(data, load_schema())


def test_empty_report_validates() -> None:
    jsonschema.validate(to_dict(Report()), load_schema())


def test_schema_documents_exactly_the_model_fields() -> None:
    # A field added to the model must be added (and documented) here too, or this fails.
    defs = load_schema()["$defs"]
    for name, spec in defs.items():
        cls = getattr(model, name)
        fields = {f.name for f in dataclasses.fields(cls)}
        assert set(spec["properties"]) == fields, name
    report_fields = {f.name for f in dataclasses.fields(Report)}
    assert set(load_schema()["properties"]) == report_fields


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["stories"][0]["claims"][0].__setitem__("status", "maybe"),
        lambda d: d["articles"][0]["paragraphs"][0].pop("text"),
        lambda d: d["stories"][0]["timeline"][0].__setitem__("date", "March 2019"),
        lambda d: d.__setitem__("schema_version", "0.1"),
    ],
)
def test_schema_rejects_broken_reports(mutate) -> None:
    data = to_dict(sample_report())
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())
