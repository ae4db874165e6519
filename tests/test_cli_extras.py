"""Without an optional extra, the command that needs it names the extra and exits with a usage code."""

import importlib.util

from newsfuse.cli import EXIT_USAGE, build_parser, main


def _without(monkeypatch, *names: str) -> None:
    real = importlib.util.find_spec

    def find_spec(name, *a, **kw):
        return None if name.split(".")[0] in names else real(name, *a, **kw)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_serve_without_web_extra_names_it(monkeypatch, tmp_path, capsys) -> None:
    import newsfuse.web.app

    def never(args):  # without the check, serve would start a server and the test would hang
        raise AssertionError("serve started without its extra")

    monkeypatch.setattr(newsfuse.web.app, "serve", never)
    _without(monkeypatch, "fastapi")
    assert main(["serve", "--db", str(tmp_path / "x.sqlite")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "pip install 'newsfuse[web]'" in err and "internal error" not in err


def test_dask_without_dask_extra_names_it(monkeypatch, tmp_path, capsys) -> None:
    _without(monkeypatch, "distributed")
    assert main(["analyze", str(tmp_path), "--dask", "-q"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "pip install 'newsfuse[dask]'" in err and "internal error" not in err


def test_token_rules_are_in_help() -> None:
    helps = build_parser()._subparsers._group_actions[0].choices["serve"].format_help()  # type: ignore[union-attr, index]
    assert "at least 8 characters" in helps and "Bearer" in helps
