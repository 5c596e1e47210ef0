"""Progress checks in a real history file: stored, read back, refused when out of range."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.core.checks import (
    CheckId,
    CheckOutcome,
    CheckResult,
    EndReason,
    balance_result,
    chair_stand_result,
    not_completed,
    sit_to_stand_result,
    stopped_unsteady,
)
from neuroguide.store.checks import add_check, last_check_day, list_checks
from neuroguide.store.database import open_history
from neuroguide.store.models import Stamp
from neuroguide.store.schema import migrate

PLUS_ONE = timezone(timedelta(hours=1))


def stamp(day: int, hour: int = 10) -> Stamp:
    return Stamp.of(datetime(2026, 3, day, hour, 0, tzinfo=PLUS_ONE))


def test_each_kind_of_result_survives_a_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    connection = open_history(path).connection
    results = [
        chair_stand_result(13),
        chair_stand_result(8, arms_used=True),
        balance_result([10, 10, 6.5]),
        sit_to_stand_result(12.3),
        sit_to_stand_result(None, arms_used=True),
        stopped_unsteady(CheckId.BALANCE),
        not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK),
        not_completed(CheckId.SIT_TO_STAND, EndReason.STOPPED),
    ]
    for day, result in enumerate(results, start=1):
        add_check(connection, result, stamp(day))
    connection.close()
    reopened = open_history(path).connection
    rows = list_checks(reopened)
    assert [row.result for row in rows] == results
    assert rows[0].taken.local == datetime(2026, 3, 1, 10, tzinfo=PLUS_ONE)
    assert last_check_day(reopened) == date(2026, 3, 8)
    reopened.close()


def test_the_list_filters_by_check_and_day(tmp_path: Path) -> None:
    connection = open_history(tmp_path / "h.sqlite3").connection
    add_check(connection, chair_stand_result(10), stamp(1))
    add_check(connection, chair_stand_result(12), stamp(20))
    add_check(connection, sit_to_stand_result(14.0), stamp(20))
    chair = list_checks(connection, CheckId.CHAIR_STAND)
    assert [row.result.count for row in chair] == [10, 12]
    assert len(list_checks(connection, first_day=date(2026, 3, 2))) == 2
    assert len(list_checks(connection, last_day=date(2026, 3, 1))) == 1
    connection.close()


def test_an_empty_history_has_no_last_check() -> None:
    connection = open_history(":memory:").connection
    assert last_check_day(connection) is None
    assert list_checks(connection) == []
    connection.close()


def test_a_result_built_around_the_validation_is_still_refused_by_the_file() -> None:
    connection = open_history(":memory:").connection
    forged = CheckResult(CheckId.CHAIR_STAND, CheckOutcome.SCORED, count=99)
    with pytest.raises(Exception, match="CHECK constraint"):
        add_check(connection, forged, stamp(1))
    assert list_checks(connection) == []
    connection.close()


def test_version_five_turns_a_sit_to_stand_stored_at_its_limit_into_not_completed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, 4)
    connection.execute(
        "INSERT INTO progress_checks (check_id, taken_utc, utc_offset_min, local_day, outcome,"
        " time_ms) VALUES ('sit-to-stand-5', '2026-03-01T09:00:00Z', 60, '2026-03-01',"
        " 'scored', 60000), ('sit-to-stand-5', '2026-03-02T09:00:00Z', 60, '2026-03-02',"
        " 'scored', 12300)"
    )
    migrate(connection)
    limit, timed = list_checks(connection)
    assert limit.result == not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK)
    assert timed.result.seconds == 12.3
    with pytest.raises(sqlite3.IntegrityError):  # never a time at the limit again
        connection.execute(
            "INSERT INTO progress_checks (check_id, taken_utc, utc_offset_min, local_day,"
            " outcome, time_ms) VALUES ('sit-to-stand-5', 'x', 0, 'y', 'scored', 60000)"
        )
    connection.close()
