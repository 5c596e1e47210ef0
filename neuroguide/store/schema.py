"""The history schema as numbered migrations; ``PRAGMA user_version`` says which have run.

Each migration runs in one transaction together with the version bump, so a crash mid-upgrade
leaves the previous version intact. Never edit a released migration: add the next one.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4E474849
"""``PRAGMA application_id`` of a NeuroGuide history ("NGHI"); anything else is a foreign file."""

_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    ended_utc TEXT,
    planned_ms INTEGER NOT NULL CHECK (planned_ms >= 0),
    active_ms INTEGER NOT NULL DEFAULT 0 CHECK (active_ms >= 0),
    outcome TEXT NOT NULL
        CHECK (outcome IN ('running', 'finished', 'stopped', 'interrupted'))
);
CREATE INDEX sessions_by_day ON sessions (local_day);
CREATE INDEX sessions_by_routine ON sessions (routine_id, local_day);
CREATE INDEX sessions_running ON sessions (outcome) WHERE outcome = 'running';

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    side TEXT,
    set_number INTEGER NOT NULL,
    planned_ms INTEGER NOT NULL,
    added_ms INTEGER NOT NULL DEFAULT 0,
    actual_ms INTEGER NOT NULL,
    reps_planned INTEGER,
    reps_done INTEGER,
    status TEXT NOT NULL CHECK (status IN ('completed', 'skipped')),
    ended_utc TEXT NOT NULL
);
CREATE INDEX items_by_session ON items (session_id, position);

CREATE TABLE pauses (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (reason IN ('unsteady', 'machine-sleep')),
    at_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    slept_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pauses_by_session ON pauses (session_id);
"""

_V2 = """
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
    pain INTEGER CHECK (pain BETWEEN 0 AND 10),
    numbness INTEGER CHECK (numbness BETWEEN 0 AND 10),
    tingling INTEGER CHECK (tingling BETWEEN 0 AND 10),
    balance INTEGER CHECK (balance BETWEEN 0 AND 10),
    location TEXT CHECK (location IN ('feet', 'hands', 'both')),
    feel TEXT CHECK (feel IN ('too-easy', 'about-right', 'too-hard')),
    note TEXT NOT NULL DEFAULT '',
    recorded_utc TEXT NOT NULL,
    UNIQUE (session_id, moment)
);
"""

_V3 = """
CREATE TABLE progress_checks (
    id INTEGER PRIMARY KEY,
    check_id TEXT NOT NULL
        CHECK (check_id IN ('chair-stand', 'balance-4-stage', 'sit-to-stand-5')),
    taken_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('scored', 'stopped')),
    stop_reason TEXT CHECK (stop_reason IN ('unsteady')),
    stands INTEGER CHECK (stands BETWEEN 0 AND 40),
    time_ms INTEGER CHECK (time_ms > 0),
    stance1_ms INTEGER CHECK (stance1_ms BETWEEN 0 AND 10000),
    stance2_ms INTEGER CHECK (stance2_ms BETWEEN 0 AND 10000),
    stance3_ms INTEGER CHECK (stance3_ms BETWEEN 0 AND 10000),
    stance4_ms INTEGER CHECK (stance4_ms BETWEEN 0 AND 10000),
    support_used INTEGER NOT NULL DEFAULT 0 CHECK (support_used IN (0, 1)),
    CHECK ((outcome = 'stopped') = (stop_reason IS NOT NULL)),
    CHECK (outcome = 'scored' OR (stands IS NULL AND time_ms IS NULL AND stance1_ms IS NULL))
);
CREATE INDEX progress_checks_by_check ON progress_checks (check_id, taken_utc);
"""

_V4 = """
CREATE TABLE session_steps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    hold_s INTEGER,
    reps INTEGER,
    duration_s INTEGER,
    sets INTEGER NOT NULL,
    sides TEXT NOT NULL DEFAULT '',
    rest_s INTEGER NOT NULL DEFAULT 0,
    cadence_s INTEGER,
    PRIMARY KEY (session_id, position)
);
"""
"""The steps and doses a session ran with (after a seated swap or a gentle start)."""

_V5 = """
CREATE TABLE progress_checks_v5 (
    id INTEGER PRIMARY KEY,
    check_id TEXT NOT NULL
        CHECK (check_id IN ('chair-stand', 'balance-4-stage', 'sit-to-stand-5')),
    taken_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('scored', 'stopped', 'not-completed')),
    stop_reason TEXT CHECK (stop_reason IN ('unsteady', 'no-mark', 'stopped')),
    stands INTEGER CHECK (stands BETWEEN 0 AND 40),
    time_ms INTEGER CHECK (time_ms > 0 AND time_ms < 60000),
    stance1_ms INTEGER CHECK (stance1_ms BETWEEN 0 AND 10000),
    stance2_ms INTEGER CHECK (stance2_ms BETWEEN 0 AND 10000),
    stance3_ms INTEGER CHECK (stance3_ms BETWEEN 0 AND 10000),
    stance4_ms INTEGER CHECK (stance4_ms BETWEEN 0 AND 10000),
    support_used INTEGER NOT NULL DEFAULT 0 CHECK (support_used IN (0, 1)),
    CHECK ((outcome = 'scored') = (stop_reason IS NULL)),
    CHECK ((outcome = 'stopped') = (stop_reason IS 'unsteady')),
    CHECK (outcome = 'scored' OR (stands IS NULL AND time_ms IS NULL AND stance1_ms IS NULL))
);
INSERT INTO progress_checks_v5 SELECT
    id, check_id, taken_utc, utc_offset_min, local_day,
    CASE WHEN check_id = 'sit-to-stand-5' AND time_ms >= 60000 THEN 'not-completed'
         ELSE outcome END,
    CASE WHEN check_id = 'sit-to-stand-5' AND time_ms >= 60000 THEN 'no-mark'
         ELSE stop_reason END,
    stands,
    CASE WHEN check_id = 'sit-to-stand-5' AND time_ms >= 60000 THEN NULL ELSE time_ms END,
    stance1_ms, stance2_ms, stance3_ms, stance4_ms, support_used
FROM progress_checks;
DROP TABLE progress_checks;
ALTER TABLE progress_checks_v5 RENAME TO progress_checks;
CREATE INDEX progress_checks_by_check ON progress_checks (check_id, taken_utc)
"""
"""Progress checks can be "not completed" (the five times sit to stand without its mark, or
stopped after Go): a sit to stand stored at its 60-second limit was never a time, so it
becomes not completed with no time."""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
"""Migration N (1-based) brings a file from version N-1 to version N."""

LATEST_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply every migration above the file's version up to ``target``; returns the new version.

    The connection must be in autocommit mode (``isolation_level=None``) so the explicit
    transactions here are the only ones.
    """
    version = user_version(connection)
    for number in range(version + 1, target + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number - 1]):
                connection.execute(statement)
            if number == 1:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return user_version(connection)


def user_version(connection: sqlite3.Connection) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def application_id(connection: sqlite3.Connection) -> int:
    """The application id stored in the file (0 if none was set)."""
    row = connection.execute("PRAGMA application_id").fetchone()
    return int(row[0])


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT first; splitting keeps the migration in our transaction.
    return [part.strip() for part in script.split(";") if part.strip()]
