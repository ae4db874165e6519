import pytest

from newsfuse.cli import EXIT_USAGE, build_parser, main


def test_missing_path_is_a_usage_error(tmp_path, capsys) -> None:
    assert main(["analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "-q"]) == EXIT_USAGE
    assert "no such file" in capsys.readouterr().err


def test_parser_knows_the_commands() -> None:
    p = build_parser()
    assert p.parse_args(["analyze", "x", "--format", "json"]).format == "json"
    with pytest.raises(SystemExit):
        p.parse_args(["analyse"])


def test_an_internal_error_exits_4(monkeypatch, tmp_path, capsys) -> None:
    import newsfuse.commands

    def boom(args):
        raise RuntimeError("kaput")

    monkeypatch.setattr(newsfuse.commands, "run_analyze", boom)
    assert main(["analyze", str(tmp_path)]) == 4
    assert "internal error" in capsys.readouterr().err
