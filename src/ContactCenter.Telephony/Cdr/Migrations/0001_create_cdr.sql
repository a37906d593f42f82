-- One row per call, written at start (status 'in_progress') and completed at the end, so a crash leaves a row that
-- the next start closes as 'ended_by_restart' instead of losing the call.
CREATE TABLE cdr_calls (
    id                   TEXT    PRIMARY KEY,
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
    recording_ids        TEXT
);
CREATE INDEX cdr_calls_started_at ON cdr_calls (started_at);
CREATE INDEX cdr_calls_status ON cdr_calls (status) WHERE status = 'in_progress';

-- One row per leg of a call: each side's dialog and media, with its quality figures.
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
);
