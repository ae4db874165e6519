import itertools
import math
import random

from newsfuse.stories.cluster import _top
from newsfuse.stories.features import DocFreq, cosine, weigh


def test_cached_idf_follows_added_documents() -> None:
    df = DocFreq()
    df.add(["w:a", "w:b"])
    first = df.idf("w:a")
    assert first == math.log(2 / 2) + 1.0
    df.add(["w:b"])
    assert df.idf("w:a") == math.log(3 / 2) + 1.0  # the cache was dropped by add()
    assert df.idf("w:zzz") == math.log(3 / 1) + 1.0
    assert df.idfs(["w:a", "w:c"]).keys() >= {"w:a", "w:c"}


def test_weigh_and_cosine_equal_the_plain_formulas() -> None:
    rng = random.Random(5)
    docs = [{f"w:{rng.randrange(40)}": float(rng.choice([0.5, 1, 2, 3, 5])) for _ in range(15)} for _ in range(30)]
    df = DocFreq.of(docs)
    for a, b in itertools.pairwise(docs):
        ref = {k: (1.0 + math.log(c)) * df.idf(k) if c >= 1 else c * df.idf(k) for k, c in a.items()}
        norm = math.sqrt(sum(x * x for x in ref.values()))
        ref = {k: x / norm for k, x in ref.items()}
        va, vb = weigh(a, df), weigh(b, df)
        assert va == ref
        small, big = (va, vb) if len(va) <= len(vb) else (vb, va)
        assert cosine(va, vb) == sum(x * big.get(k, 0.0) for k, x in small.items())


def test_top_keeps_the_strongest_features_ties_by_name() -> None:
    rng = random.Random(7)
    for _ in range(200):
        vec = {f"f{rng.randrange(100)}": float(rng.choice([0.1, 0.2, 0.3])) for _ in range(rng.randint(0, 60))}
        n = rng.randint(1, 40)
        ref = vec if len(vec) <= n else dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n])
        got = _top(vec, n)
        assert list(got.items()) == list(ref.items())


def test_sparse_sums_and_top_equal_the_dict_versions():
    import numpy as np

    from newsfuse.stories.cluster import sparse_add, sparse_top

    rng = random.Random(11)
    names = [f"f{i:03d}" for i in range(120)]
    rng.shuffle(names)  # ids do not follow name order: ties must still go by name

    def sparse(vec):
        ids = np.array(sorted(names.index(k) for k in vec), dtype=np.int64)
        return ids, np.array([vec[names[i]] for i in ids.tolist()], dtype=np.float64)

    for _ in range(300):
        a = {rng.choice(names): float(rng.choice([0.1, 0.2, 0.25])) for _ in range(rng.randint(0, 50))}
        b = {rng.choice(names): float(rng.choice([0.1, 0.2, 0.3])) for _ in range(rng.randint(0, 50))}
        total = dict(a)
        for k, x in b.items():
            total[k] = total.get(k, 0.0) + x
        n = rng.randint(1, 60)
        ids, vals = sparse_top(*sparse_add(*sparse(a), *sparse(b)), n, names)
        assert np.all(np.diff(ids) > 0)
        assert {names[i]: x for i, x in zip(ids.tolist(), vals.tolist(), strict=True)} == dict(_top(total, n))


def test_central_ranks_members_as_the_dict_formulas_do() -> None:
    from newsfuse.stories.cluster import _central

    rng = random.Random(12)
    for _ in range(40):
        ids = [f"a{i}" for i in range(rng.randint(1, 12))]
        raw = {
            i: {f"w:{rng.randrange(30)}": float(rng.choice([1, 2, 3, 5, 6])) for _ in range(rng.randint(0, 12))}
            for i in ids
        }
        df = DocFreq.of(raw.values())
        vecs = {i: weigh(raw[i], df) for i in ids}
        total: dict[str, float] = {}
        for v in vecs.values():
            for k, x in v.items():
                total[k] = total.get(k, 0.0) + x
        norm = math.sqrt(sum(x * x for x in total.values()))
        unit = {k: x / norm for k, x in total.items()} if norm else {}
        ref = sorted(ids, key=lambda i: (-cosine(vecs[i], unit), i))
        assert _central(ids, {}, df, raw) == ref
