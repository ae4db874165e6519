from __future__ import annotations

import pytest

from newsfuse.extract.dates import iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-10T09:30:00Z", "2025-03-10"),
        ("2025/3/10", "2025-03-10"),
        ("20250310", "2025-03-10"),
        ("Mon, 10 Mar 2025 09:30:00 GMT", "2025-03-10"),
        ("March 10, 2025 9:30 am", "2025-03-10"),
        ("10 March 2025", "2025-03-10"),
        ("2025-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_machine_formats(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected
    assert iso_date(value, fuzzy=False) == expected


def test_free_form_needs_dateparser() -> None:
    assert iso_date("le 10 mars 2025", fuzzy=False) is None
    assert iso_date("le 10 mars 2025") == "2025-03-10"
    assert iso_date("no date in here at all, qq") is None
