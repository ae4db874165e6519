import pickle
import random

import pytest
from datasketch import MinHashLSH
from story_fixtures import QUAKE_A, QUAKE_B, UNRELATED, article

from newsfuse.options import Options
from newsfuse.stories.dedup import (
    LSH_PARAMS,
    LSH_WEIGHTS,
    MinHasher,
    copy_signature,
    copy_signatures,
    find_copies,
    group_copies,
    grouped_copies,
)


def _copies(arts):
    find_copies(arts, Options())
    return {a.id: a.copy_of for a in arts}


def test_identical_files_under_different_names_are_exact_copies() -> None:
    a = article("a", QUAKE_A, date="2021-03-02", outlet="Wire")
    b = article("b", QUAKE_A, date="2021-03-03", outlet="Daily")
    res = _copies([b, a])
    assert res["a"] is None
    assert res["b"] is not None and res["b"].of == "a" and res["b"].kind == "exact" and res["b"].similarity == 1.0


def test_trimmed_reprint_points_at_the_full_original() -> None:
    full = article("full", QUAKE_A, date="2021-03-02")
    trimmed = article("trim", QUAKE_A[:3], date="2021-03-02")  # same day: the more complete text is the origin
    other = article("other", QUAKE_B, date="2021-03-01")
    res = _copies([trimmed, other, full])
    assert res["full"] is None and res["other"] is None
    assert res["trim"] is not None and res["trim"].of == "full"
    assert res["trim"].kind in ("contained", "near")


def test_copy_with_added_intro_and_boilerplate() -> None:
    orig = article("o", QUAKE_B, date="2021-05-01")
    intro = ["Our partners on the coast sent this report late on Friday evening, and we publish it in full below."]
    tail = ["Sign up for the newsletter.", "All rights reserved by the publisher of this page."]
    copy = article("c", intro + QUAKE_B + tail, date="2021-05-02")
    res = _copies([copy, orig])
    assert res["c"] is not None and res["c"].of == "o"


def test_long_report_quoting_a_short_earlier_one_is_not_a_copy() -> None:
    short = article("s", QUAKE_A[:2], date="2021-03-01")
    long = article("l", QUAKE_A[:2] + QUAKE_B + UNRELATED + QUAKE_A[2:], date="2021-03-04")
    res = _copies([long, short])
    assert res["l"] is None


def test_copy_of_a_copy_points_at_the_group_origin() -> None:
    a = article("a", QUAKE_A, date="2021-03-01")
    b = article("b", QUAKE_A[:4], date="2021-03-02")
    c = article("c", QUAKE_A[:4], date="2021-03-03")
    res = _copies([c, b, a])
    assert res["b"] is not None and res["b"].of == "a"
    assert res["c"] is not None and res["c"].of == "a"


def test_unrelated_articles_are_not_copies() -> None:
    arts = [article("a", QUAKE_A), article("b", QUAKE_B), article("c", UNRELATED)]
    assert all(v is None for v in _copies(arts).values())


def test_result_does_not_depend_on_input_order() -> None:
    arts = [
        article("a", QUAKE_A, date="2021-03-01"),
        article("b", QUAKE_A[:3]),
        article("c", QUAKE_A),
        article("d", QUAKE_B),
        article("e", QUAKE_B[1:]),
    ]
    sigs = [copy_signature(a, Options()) for a in arts]
    first = group_copies(sigs, Options())
    for seed in range(5):
        shuffled = sigs[:]
        random.Random(seed).shuffle(shuffled)
        assert group_copies(shuffled, Options()) == first


def test_an_earlier_grouping_is_reused_and_gives_a_fresh_passs_result() -> None:
    """Incremental runs: a grouping of some articles, handed to the pass over more, gives what a
    fresh pass gives, whether the new ones sort after the old ones, among them or before them."""
    paras = QUAKE_A + QUAKE_B + UNRELATED
    rnd = random.Random(7)
    arts = []
    for i in range(40):
        start = rnd.randrange(len(paras) - 2)
        text = paras[start : start + rnd.randint(2, 5)]
        if rnd.random() < 0.5:  # an own report of invented words: most of its text is new
            words = [f"{rnd.choice('bcdfgklmnprstv')}{rnd.choice('aeiou')}{rnd.choice('lmnrst')}o" for _ in range(60)]
            text = [" ".join(words).capitalize() + ".", *text[:1]]
        day = f"2021-03-{rnd.randint(1, 28):02d}" if rnd.random() < 0.9 else None
        arts.append(article(f"x{i:02d}", text, date=day))
    sigs = [copy_signature(a, Options()) for a in arts]
    fresh = group_copies(sigs, Options())
    assert 5 < len(fresh) < 35  # copies and origins both
    by_priority = [next(s for s in sigs if s.id == key[0]) for key in grouped_copies(sigs, Options()).order]
    olds = [by_priority[:k] for k in (10, 25, 39)]  # the new ones sort last (a crawl's newest): long prefixes
    olds += [random.Random(seed).sample(sigs, 30) for seed in range(4)]  # new ones anywhere, earlier too
    for old in olds:
        earlier = grouped_copies(old, Options())
        assert earlier.copies == group_copies(old, Options())
        again = grouped_copies(sigs, Options(), earlier)
        assert again.copies == fresh and again.order == grouped_copies(sigs, Options()).order
        # a later one added, then the next run on top of that
        assert grouped_copies(sigs, Options(), again).copies == fresh
    changed = [copy_signature(a, Options()) for a in arts[:39]]  # same ids, one text gone: a shorter prefix
    assert grouped_copies(changed, Options(), grouped_copies(sigs, Options())).copies == group_copies(
        changed, Options()
    )


def test_origin_among_equal_copies_does_not_depend_on_the_ids() -> None:
    """Two same-day reprints of one length that differ in a word: which one is the origin is decided
    by their texts, not by their ids (which come from file names or URLs, so ``analyze`` on a file
    and the same records posted to the web app give them other ids)."""
    one = [p.replace("tents", "blankets") for p in QUAKE_A]
    two = [p.replace("tents", "heaters") for p in QUAKE_A]
    assert one != two
    origins = set()
    for ids in (("a", "b"), ("b", "a"), ("x9", "c1")):
        arts = [article(ids[0], one, date="2021-03-02"), article(ids[1], two, date="2021-03-02")]
        res = _copies(arts)
        (copy,) = [a for a in arts if res[a.id] is not None]
        (origin,) = [a for a in arts if res[a.id] is None]
        assert res[copy.id].of == origin.id
        origins.add(origin.text)
    assert len(origins) == 1


def test_undated_group_origin_is_the_most_complete_text() -> None:
    res = _copies([article("part", QUAKE_A[:3]), article("whole", QUAKE_A)])
    assert res["whole"] is None and res["part"] is not None and res["part"].of == "whole"


def test_empty_and_tiny_articles_do_not_crash() -> None:
    arts = [article("e", []), article("t", ["Short."]), article("t2", ["Short."]), article("a", QUAKE_A)]
    res = _copies(arts)
    assert res["e"] is None and res["a"] is None
    assert res["t2"] is not None or res["t"] is not None  # identical short texts are exact copies


def test_same_record_twice_is_handled() -> None:
    a = article("a", QUAKE_A)
    res = _copies([a, a])
    assert res["a"] is None


def test_signature_is_picklable_for_executors() -> None:
    sig = copy_signature(article("a", QUAKE_A), Options())
    back = pickle.loads(pickle.dumps(sig))
    assert back.id == "a" and back.text_hash == sig.text_hash and (back.shingles == sig.shingles).all()


def test_bad_options_raise() -> None:
    opts = Options()
    opts.dedup.containment = 0.0
    with pytest.raises(ValueError, match="containment"):
        copy_signature(article("a", QUAKE_A), opts)


def test_precomputed_lsh_params_are_what_datasketch_picks() -> None:
    for (threshold, num_perm), params in LSH_PARAMS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
        assert (lsh.b, lsh.r) == params


def test_shared_hasher_gives_the_same_signatures() -> None:
    opts = Options()
    arts = [article("a", QUAKE_A), article("b", QUAKE_B), article("u", UNRELATED)]
    batch = copy_signatures(arts, opts)
    for a, s in zip(arts, batch, strict=True):
        alone = copy_signature(a, opts)
        assert s.minhash is not None and alone.minhash is not None
        assert (s.minhash.hashvalues == alone.minhash.hashvalues).all()
        assert (s.shingles == alone.shingles).all() and s.text_hash == alone.text_hash


def test_hasher_built_for_other_options_is_refused() -> None:
    opts = Options()
    with pytest.raises(ValueError, match="hasher built for"):
        copy_signature(article("a", QUAKE_A), opts, MinHasher(opts.dedup.num_perm, opts.seed + 1))


def test_non_default_lsh_settings_still_work() -> None:
    opts = Options()
    opts.dedup.threshold = 0.3  # not in LSH_PARAMS: datasketch computes the bands itself
    a = article("a", QUAKE_A, date="2021-03-02")
    b = article("b", QUAKE_A[:3], date="2021-03-03")
    find_copies([a, b], opts)
    assert b.copy_of is not None and b.copy_of.of == "a"


def _shingle_hashes_reference(toks, n):
    import zlib

    import numpy as np

    if len(toks) >= n:
        grams = {" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)}
    else:
        grams = {" ".join(toks)} if toks else set()
    return np.array(sorted({zlib.crc32(g.encode("utf-8", "surrogatepass")) for g in grams}), dtype=np.uint32)


def test_shingle_hashes_match_joining_and_hashing_each_shingle() -> None:
    import numpy as np

    from newsfuse.stories.dedup import shingle_hashes

    rng = random.Random(3)
    vocab = ["a", "bb", "ccc", "the", "quake", "été", "naïve", "日本", "x\ud800y"]
    for _ in range(500):
        toks = [rng.choice(vocab) for _ in range(rng.randint(0, 25))]
        joined = " ".join(toks).encode("utf-8", "surrogatepass")
        for n in (1, 2, 5):
            got = shingle_hashes(toks, joined, n)
            assert got.dtype == np.uint32
            assert np.array_equal(got, _shingle_hashes_reference(toks, n)), (toks, n)


def test_bands_find_what_datasketch_lsh_finds() -> None:
    from newsfuse.stories.dedup import Bands, MinHasher, shingle_hashes

    opts = Options()
    hasher = MinHasher.for_options(opts)
    rng = random.Random(9)
    words = [f"w{i}" for i in range(60)]
    bands, rows = LSH_PARAMS[(opts.dedup.threshold, opts.dedup.num_perm)]
    ours = Bands(bands, rows)
    theirs = MinHashLSH(threshold=opts.dedup.threshold, num_perm=opts.dedup.num_perm, params=(bands, rows))
    base = [rng.choice(words) for _ in range(80)]
    for i in range(150):
        toks = [w if rng.random() < 0.7 else rng.choice(words) for w in base][: rng.randint(10, 80)]
        mh = hasher(shingle_hashes(toks, " ".join(toks).encode(), 2))
        keys = ours.keys(mh)
        assert all(isinstance(k, bytes) for k in keys) and len(keys) == bands
        assert ours.query(keys) == set(theirs.query(mh))
        ours.insert(f"a{i}", keys)
        theirs.insert(f"a{i}", mh)


def test_overlap_counts_shared_values() -> None:
    import numpy as np

    from newsfuse.stories.dedup import _overlap

    rng = random.Random(4)
    for _ in range(300):
        a = np.unique(np.array([rng.randrange(60) for _ in range(rng.randint(0, 40))], dtype=np.uint32))
        b = np.unique(np.array([rng.randrange(60) for _ in range(rng.randint(0, 40))], dtype=np.uint32))
        assert _overlap(a, b) == _overlap(b, a) == len(set(a.tolist()) & set(b.tolist()))


def test_shared_counts_equal_pairwise_overlaps() -> None:
    import numpy as np

    from newsfuse.stories.dedup import _overlap, _shared_counts

    rng = random.Random(8)
    for _ in range(100):
        x = np.unique(np.array([rng.randrange(80) for _ in range(rng.randint(1, 50))], dtype=np.uint32))
        others = [
            np.unique(np.array([rng.randrange(80) for _ in range(rng.randint(0, 50))], dtype=np.uint32))
            for _ in range(rng.randint(0, 6))
        ]
        assert _shared_counts(x, others) == [_overlap(x, o) for o in others]
