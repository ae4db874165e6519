import argparse
import json
import random

from newsfuse.evals import dedup as ev

WORDS = """harbour council budget bridge river tunnel school teacher strike pension minister ferry storm
court judge verdict appeal mayor election ballot museum painting theft festival orchestra drought farmer
harvest price market bank rate inflation factory worker union contract hospital nurse vaccine doctor
railway signal delay airport runway pilot volcano ash glacier climber rescue forest fire island""".split()


def _texts(n, rng):
    out = []
    for i in range(n):
        sents = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + f" number {i}x{j}." for j in range(10)]
        out.append({"id": f"t{i}", "title": f"Title {i}", "text": "\n".join(sents)})
    return out


def test_eval_dedup_on_generated_copies(tmp_path) -> None:
    src = tmp_path / "texts.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _texts(40, random.Random(3))) + "\n", encoding="utf-8")
    res = ev.run(argparse.Namespace(source=[str(src)], originals=6, unrelated=10, seed=5))
    assert res["copies"] == 6 * len(ev.KINDS)
    assert res["n"] == 16 + res["copies"]
    for part in (res["system"], *res["baselines"].values()):
        assert all(0.0 <= v <= 1.0 for v in part.values())
    assert res["system"]["precision"] >= 0.9 and res["system"]["recall"] >= 0.8


def test_corpus_generation_is_seeded(tmp_path) -> None:
    texts = [(r["title"], r["text"]) for r in _texts(30, random.Random(4))]
    a, ga, ka = ev.build_corpus(texts, 4, 5, seed=9)
    b, gb, kb = ev.build_corpus(texts, 4, 5, seed=9)
    assert [x.id for x in a] == [x.id for x in b] and ga == gb and ka == kb
