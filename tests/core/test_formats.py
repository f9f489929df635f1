import datetime as dt

from django.utils import timezone

from core.formats import french_date, french_datetime, french_time, person_name
from tests.factories import make_user

NBSP = "\u00a0"
MOMENT = timezone.make_aware(dt.datetime(2024, 11, 3, 14, 5))


def test_a_moment_reads_with_no_break_spaces_around_h():
    assert french_datetime(MOMENT) == f"3 novembre 2024 à 14{NBSP}h{NBSP}05"


def test_the_first_day_of_a_month_reads_1er():
    assert french_date(dt.date(2024, 11, 1)) == "1er novembre 2024"


def test_a_moment_reads_in_paris_time_whatever_time_zone_is_active():
    late_in_utc = dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)
    with timezone.override("America/New_York"):
        assert french_datetime(late_in_utc) == f"1er janvier 2025 à 0{NBSP}h{NBSP}30"


def test_a_moment_reads_in_paris_time():
    late_in_utc = dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert french_datetime(late_in_utc) == f"1er janvier 2025 à 0{NBSP}h{NBSP}30"


def test_no_date_reads_as_nothing():
    assert (french_date(None), french_time(None), french_datetime(None)) == ("", "", "")


def test_a_person_is_named_by_full_name(db):
    assert person_name(make_user(first_name="Anne", last_name="Martin")) == (
        "Anne Martin"
    )


def test_a_person_without_a_name_is_named_by_username(db):
    user = make_user(first_name="", last_name="", username="amartin")
    assert person_name(user) == "amartin"


def test_nobody_reads_automatique():
    assert person_name(None) == "Automatique"


def test_numbers_group_thousands_with_narrow_no_break_spaces():
    from core.formats import french_number

    assert french_number(7) == "7"
    assert french_number(1000) == "1\u202f000"
    assert french_number(1234567) == "1\u202f234\u202f567"


# --- Paris clocks around the changes of time -----------------------------------

# 29 March 2026: 02:00 CET jumps to 03:00 CEST. 25 October 2026: 03:00 CEST
# falls back to 02:00 CET.
SPRING_0300 = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)


def test_paris_times_around_the_autumn_change_are_shown_as_paris_clocks_read():
    first_0230 = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    second_0230 = dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)
    assert french_datetime(first_0230) == "25 octobre 2026 à 2\u00a0h\u00a030"
    assert french_datetime(second_0230) == "25 octobre 2026 à 2\u00a0h\u00a030"


def test_paris_time_just_after_the_spring_change_is_three_o_clock():
    assert french_datetime(SPRING_0300) == "29 mars 2026 à 3\u00a0h\u00a000"
