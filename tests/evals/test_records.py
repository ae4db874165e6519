import pytest

from newsfuse.evals.records import read_jsonl


def test_read_jsonl_skips_blanks_and_names_bad_lines(tmp_path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": 1}\n\n{"id": 2}\n', encoding="utf-8")
    assert list(read_jsonl(p)) == [(1, {"id": 1}), (3, {"id": 2})]
    p.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"d.jsonl:2: not JSON"):
        list(read_jsonl(p))
    p.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a JSON object"):
        list(read_jsonl(p))
