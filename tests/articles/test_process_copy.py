import datetime as dt
import time

import time_machine

from articles.process_copy import ProcessCopy

T = dt.datetime(2026, 11, 15, 11, 0, tzinfo=dt.UTC)


class Source:
    """A value that counts how often it is read."""

    def __init__(self):
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.reads


class Request:
    def __init__(self, generation):
        self.page_cache_generation = generation


def test_a_copy_is_read_once_within_its_seconds():
    copy = ProcessCopy(source := Source(), seconds=60)
    assert [copy.get(), copy.get(), copy.get()] == [1, 1, 1]
    assert source.reads == 1


def test_a_copy_is_read_again_once_its_seconds_have_passed():
    copy = ProcessCopy(Source(), seconds=0.01)
    assert copy.get() == 1
    time.sleep(0.02)
    assert copy.get() == 2


def test_forgetting_a_copy_reads_it_again():
    copy = ProcessCopy(Source(), seconds=60)
    copy.get()
    copy.forget(sender=object)  # as a model signal calls it
    assert copy.get() == 2


def test_a_copy_bounded_by_the_schedule_ends_at_the_next_change():
    asked = []

    def next_change(at):
        asked.append(at)
        return T + dt.timedelta(seconds=5)

    copy = ProcessCopy(Source(), seconds=60, bound=next_change)
    with time_machine.travel(T, tick=False):
        assert copy.get() == 1
        assert asked == [T]
    with time_machine.travel(T + dt.timedelta(seconds=4, microseconds=999_999)):
        assert copy.get() == 1
    with time_machine.travel(T + dt.timedelta(seconds=5), tick=False):
        assert copy.get() == 2


def test_a_copy_without_a_next_change_is_kept_for_its_seconds():
    copy = ProcessCopy(Source(), seconds=60, bound=lambda at: None)
    assert [copy.get(), copy.get()] == [1, 1]


def test_a_request_of_a_newer_page_cache_generation_reads_the_copy_again():
    copy = ProcessCopy(Source(), seconds=60)
    before = time.time_ns()
    copy.get()
    assert copy.get(Request(generation=before)) == 1
    assert copy.get(Request(generation=time.time_ns())) == 2
    assert copy.get(Request(generation=0)) == 2
