"""``newsfuse eval clean`` on a small invented format-B set, and its metrics."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from newsfuse.evals import clean as ev

PAGE_1 = """\
Menu
Home | World | Sport
Valdoria Harbour Strike Ends
Harbour workers in Saint Ives voted on Tuesday to end a nine-day strike that had stranded more than two hundred ships.
The union accepted a pay rise of six percent over two years, short of the nine percent it had demanded at the start.
Port officials said it would take a week to clear the backlog of ships waiting at anchor in the bay.
Comments (2)
Greta Holm
March 3, 2021
About time this was settled, the shops are running out of everything we need.
Olaf Berg
March 4, 2021
The workers were right to hold out for a better deal from the ministry.
Privacy Policy | Terms of Use
"""
GOLD_1 = {
    "id": "p1",
    "title": "Valdoria Harbour Strike Ends",
    "body": "\n".join(PAGE_1.splitlines()[3:6]),
    "comments": "\n".join(PAGE_1.splitlines()[7:13]),
}
PAGE_2 = """\
Sections
Ferry Fares to Rise Again
Ferry operators serving the islands will raise fares by up to eight percent from June, the second increase this year.
Passenger groups said the rise would hit island residents hardest, since many of them cross every day for work.
Related stories
Rail link delayed again
Customs checks doubled
"""
GOLD_2 = {"id": "p2", "title": "Ferry Fares to Rise Again", "body": "\n".join(PAGE_2.splitlines()[2:4]), "comments": ""}


def make_set(tmp_path: Path) -> Path:
    d = tmp_path / "set"
    d.mkdir()
    (d / "p1.txt").write_text(PAGE_1, encoding="utf-8")
    (d / "p2.txt").write_text(PAGE_2, encoding="utf-8")
    (d / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in (GOLD_1, GOLD_2)) + "\n", encoding="utf-8")
    return d


def args_for(d: Path, **kw: object) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    ev.add_arguments(p)
    ns = p.parse_args([str(d)])
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


def test_run_shape_and_figures(tmp_path: Path) -> None:
    out = ev.run(args_for(make_set(tmp_path)))
    assert out["n"] == 2
    keys = {"precision", "recall", "f1", "comment_leakage", "comment_leakage_per_page", "title_accuracy"}
    assert set(out["system"]) == keys
    assert set(out["baselines"]) == {"keep_everything", "justext"}
    for figures in [out["system"], *out["baselines"].values()]:
        assert set(figures) == keys
        assert all(0.0 <= v <= 1.0 for v in figures.values())
    s, keep = out["system"], out["baselines"]["keep_everything"]
    assert s["f1"] > 0.9 and s["title_accuracy"] == 1.0 and s["comment_leakage"] == 0.0
    assert keep["recall"] == 1.0 and keep["comment_leakage"] == 1.0 and keep["precision"] < 0.7
    json.dumps(out)  # one JSON object


def test_per_page_file(tmp_path: Path) -> None:
    per_page = tmp_path / "pp.jsonl"
    ev.run(args_for(make_set(tmp_path), no_baselines=True, per_page=str(per_page)))
    rows = [json.loads(x) for x in per_page.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["p1", "p2"]
    assert rows[1]["leakage"] is None


def test_score_by_hand() -> None:
    gold = [GOLD_1, GOLD_2]
    perfect: list[tuple[str, str | None]] = [
        (GOLD_1["body"], GOLD_1["title"]),
        (GOLD_2["body"], "ferry fares, to rise AGAIN"),
    ]
    s = ev.score(perfect, gold)
    assert s["f1"] == 1.0 and s["title_accuracy"] == 1.0 and s["comment_leakage"] == 0.0
    leaky: list[tuple[str, str | None]] = [(GOLD_1["body"] + "\n" + GOLD_1["comments"], None), ("", None)]
    s = ev.score(leaky, gold)
    assert s["comment_leakage"] == 1.0 and s["title_accuracy"] == 0.0
    assert s["recall"] == pytest.approx(0.5)  # the empty prediction finds nothing on page 2


def test_leakage_ignores_comment_text_quoted_in_body() -> None:
    body = "The minister said the harbour would reopen on Monday morning."
    comments = "The minister said the harbour would reopen on Monday morning.\nNobody believes a word of it anymore."
    kept, total = ev.leaked(body, body, comments)
    assert kept == 0 and total > 0


def test_bad_directory(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a directory"):
        ev.run(args_for(tmp_path / "missing"))
    (tmp_path / "gold.jsonl").write_text('{"id": "zz", "title": null, "body": "", "comments": ""}\n')
    with pytest.raises(ValueError, match=r"missing zz\.txt"):
        ev.run(args_for(tmp_path))


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "cleaning" / "l3s-gn1-dev"


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared data absent")
def test_dev_subset() -> None:
    # A fast sanity check on the first 40 dev pages; the full figures come from `newsfuse eval clean`.
    out = ev.run(args_for(SHARED, limit=40, no_baselines=True))
    assert out["n"] == 40
    assert out["system"]["f1"] > 0.85
    assert out["system"]["comment_leakage"] < 0.1
