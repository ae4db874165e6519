import pytest

from newsfuse.evals.metrics import bcubed, pairwise_f1, prf, shingle_pr


def test_shingle_pr_partial_overlap() -> None:
    p, r = shingle_pr("a b c d e", "a b c d e f g")
    assert p == 1.0
    assert r == pytest.approx(2 / 4)


def test_prf_averages_then_f1() -> None:
    out = prf([1.0, 0.5], [0.5, 0.5])
    assert out["precision"] == 0.75 and out["recall"] == 0.5
    assert out["f1"] == pytest.approx(0.6)


def test_bcubed_perfect_and_lumped() -> None:
    gold = {1: "a", 2: "a", 3: "b"}
    assert bcubed(gold, gold)["f1"] == 1.0
    lumped = bcubed(gold, {1: 0, 2: 0, 3: 0})
    assert lumped["recall"] == 1.0
    assert lumped["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert pairwise_f1(gold, gold) == 1.0
    assert pairwise_f1(gold, {1: 0, 2: 1, 3: 2}) == 0.0
