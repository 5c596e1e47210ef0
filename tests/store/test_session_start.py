"""One rule for what a session's start reads from the history (window and terminal alike)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from neuroguide.settings import Settings
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Moment
from neuroguide.store.session_start import SessionStart, read_session_start, session_start
from tests.store.seed import add_session

ZONE = timezone(timedelta(hours=2))
TODAY = date(2024, 5, 10)
GENTLE = Settings(start_gently=True, gentle_since="2024-05-02")


def day(number: int) -> datetime:
    return datetime(2024, 5, number, 9, tzinfo=ZONE)


def seeded(history: History) -> History:
    """One session before "start gently" was on, then three since: two good, one that hurt."""
    add_session(history, day(1), exercise_id="calf-stretch")
    add_session(history, day(3), exercise_id="ankle-circles")
    worse = CheckIn(Moment.BEFORE, pain=3), CheckIn(Moment.AFTER, pain=6)
    add_session(history, day(4), before=worse[0], after=worse[1])
    add_session(history, day(5), outcome="stopped")
    add_session(history, day(6))
    add_session(history, day(7))
    return history


def test_the_level_counts_the_sessions_since_start_gently_was_switched_on() -> None:
    history = seeded(History.in_memory())
    known = frozenset({"calf-stretch", "ankle-circles"})
    # day 3 up (1), day 4 hurt (0), day 5 stopped (0), days 6 and 7 up (2); day 1 is before
    assert session_start(history, GENTLE, TODAY) == SessionStart(known, gentle_level=2)
    # from an earlier day, day 1 counts too: up, up, down, -, up, up
    earlier = Settings(start_gently=True, gentle_since="2024-04-30")
    assert session_start(history, earlier, TODAY).gentle_level == 3
    # switched on today (or on a day that cannot be read): no session counts yet
    assert session_start(history, Settings(start_gently=True), day(8).date()).gentle_level == 0
    assert session_start(history, GENTLE, TODAY - timedelta(days=30)).gentle_level == 2
    # off: no level at all (the full dose), the known exercises all the same
    assert session_start(history, Settings(), TODAY) == SessionStart(known, gentle_level=None)
    history.close()


def test_without_a_history_nothing_is_known_and_the_level_is_the_gentlest() -> None:
    assert session_start(None, GENTLE, TODAY) == SessionStart(frozenset(), 0)
    assert session_start(None, Settings(), TODAY) == SessionStart(frozenset(), None)


def test_the_file_is_read_as_the_open_history_is(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = seeded(History.open(path))
    expected = session_start(history, GENTLE, TODAY)
    history.close()
    assert read_session_start(path, GENTLE, TODAY) == expected
    assert expected.gentle_level == 2


def test_a_missing_or_unreadable_file_is_the_safe_start(tmp_path: Path) -> None:
    safe = SessionStart(frozenset(), 0)
    assert read_session_start(tmp_path / "none.sqlite3", GENTLE, TODAY) == safe
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    assert read_session_start(garbage, GENTLE, TODAY) == safe
    assert garbage.read_bytes() == b"this is not a database" * 100  # nothing lost
