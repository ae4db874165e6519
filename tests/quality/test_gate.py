import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("gate", Path(__file__).parents[2] / "quality" / "gate.py")
assert SPEC and SPEC.loader
gate = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(gate)

RESULT = {"n": 3, "system": {"f1": 0.9, "comment_leakage": 0.05}, "baselines": {"b": {"f1": 0.95}}}


def test_floors_ceilings_and_relative_checks() -> None:
    assert gate._check("k", RESULT, {"system.f1": 0.8, "_note": "x"}) == []
    assert "below its floor" in gate._check("k", RESULT, {"system.f1": 0.91})[0]
    assert "above its ceiling" in gate._check("k", RESULT, {"system.comment_leakage": 0.02})[0]
    assert "fails" in gate._check("k", RESULT, {"system.f1>=baselines.b.f1": True})[0]
    assert "missing" in gate._check("k", RESULT, {"system.recall": 0.5})[0]


def test_every_floor_names_a_known_run() -> None:
    import json

    floors = json.loads((Path(__file__).parents[2] / "quality" / "floors.json").read_text())
    assert set(k for k in floors if not k.startswith("_")) <= set(gate.RUNS)
