from newsfuse.exec.progress import progress_bar


def test_no_bar_when_quiet_or_not_a_terminal(capsys) -> None:
    with progress_bar(True) as p:
        assert p is None
    with progress_bar(False) as p:  # pytest's stderr is not a terminal
        assert p is None
