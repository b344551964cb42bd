"""A weekday in a news sentence, as the date it means for its article's date."""

from __future__ import annotations

from datetime import date

import pytest

from qa import weekdays

TUESDAY = date(2025, 2, 4)


@pytest.mark.parametrize("sentence,day,expected", [
    ("The surcharge went into effect on Monday, the company said.", "Monday", date(2025, 2, 3)),
    ("He resigned on Tuesday.", "Tuesday", TUESDAY),  # the story's own day
    ("The vote, which was held Sunday, was close.", "Sunday", date(2025, 2, 2)),
    ("The surcharge will go into effect Monday.", "Monday", date(2025, 2, 10)),
    ("Officials said the bridge would reopen on Friday.", "Friday", date(2025, 2, 7)),
    ("The law is set to take effect on Tuesday.", "Tuesday", TUESDAY),
    # a future word in another clause does not move the day
    ("Prices will rise, but the plant closed on Friday.", "Friday", date(2025, 1, 31)),
])
def test_a_weekday_is_the_day_of_that_name_before_the_story_or_after_it_when_still_to_come(
        sentence: str, day: str, expected: date) -> None:
    assert weekdays.resolve(day, sentence, TUESDAY) == expected


def test_only_a_weekday_alone_is_dated() -> None:
    s = "The surcharge went into effect on Monday."
    assert weekdays.dated("Monday", s, TUESDAY) == "Monday, February 3, 2025"
    assert weekdays.dated("on monday", s, TUESDAY) == "Monday, February 3, 2025"
    assert weekdays.dated("Monday, Feb. 3", s, TUESDAY) == "Monday, Feb. 3"  # already says its date
    assert weekdays.dated("Feb. 3", s, TUESDAY) == "Feb. 3"
    assert weekdays.dated("Monday", s, None) == "Monday"  # an undated article: nothing to count from


def test_undated_gives_back_the_weekday_only_for_the_date_it_means() -> None:
    s = "The surcharge went into effect on Monday."
    assert weekdays.undated("Monday, February 3, 2025", s, TUESDAY) == "Monday"
    assert weekdays.undated("Monday, February 10, 2025", s, TUESDAY) == "Monday, February 10, 2025"
    assert weekdays.undated("Friday, January 31, 2025", s, TUESDAY) == "Friday, January 31, 2025"  # not said
    assert weekdays.undated("Monday, February 3, 2025", s, None) == "Monday, February 3, 2025"
    assert weekdays.undated("ISIL", s, TUESDAY) == "ISIL"
