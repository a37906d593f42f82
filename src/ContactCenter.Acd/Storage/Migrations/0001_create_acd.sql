-- ACD configuration: one row per definition, the definition itself as JSON (the shape the API reads and writes).
-- Referential rules (unknown skills, services in use) are checked by the ACD before writing.
CREATE TABLE acd_skills (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE acd_agents (
    id         TEXT PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    extension  TEXT NOT NULL,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE acd_services (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE acd_pause_reasons (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE acd_dispositions (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE acd_alarm_rules (
    id         TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- History: closed 15-minute intervals, finished interactions with their disposition, alarm changes.
CREATE TABLE acd_service_intervals (
    service_id     TEXT    NOT NULL,
    interval_start TEXT    NOT NULL,
    offered        INTEGER NOT NULL,
    answered       INTEGER NOT NULL,
    answered_in_sl INTEGER NOT NULL,
    abandoned      INTEGER NOT NULL,
    overflowed     INTEGER NOT NULL,
    handled        INTEGER NOT NULL,
    service_level  REAL,
    asa_seconds    REAL,
    aht_seconds    REAL,
    PRIMARY KEY (service_id, interval_start)
);
CREATE TABLE acd_agent_intervals (
    agent_id          TEXT    NOT NULL,
    interval_start    TEXT    NOT NULL,
    offered           INTEGER NOT NULL,
    handled           INTEGER NOT NULL,
    rejected          INTEGER NOT NULL,
    ronas             INTEGER NOT NULL,
    talk_seconds      REAL    NOT NULL,
    hold_seconds      REAL    NOT NULL,
    wrap_seconds      REAL    NOT NULL,
    logged_in_seconds REAL    NOT NULL,
    paused_seconds    REAL    NOT NULL,
    occupancy         REAL,
    PRIMARY KEY (agent_id, interval_start)
);
CREATE TABLE acd_interactions (
    id               TEXT    NOT NULL,
    service_id       TEXT    NOT NULL,
    media            TEXT    NOT NULL,
    call_id          TEXT,
    agent_id         TEXT,
    customer_address TEXT,
    arrived_at       TEXT    NOT NULL,
    connected_at     TEXT,
    ended_at         TEXT    NOT NULL,
    outcome          TEXT    NOT NULL,
    disposition      TEXT,
    offers           INTEGER NOT NULL
);
CREATE INDEX acd_interactions_call ON acd_interactions (call_id);
CREATE INDEX acd_interactions_ended ON acd_interactions (ended_at);
CREATE TABLE acd_alarm_history (
    alarm_id        TEXT PRIMARY KEY,
    rule_id         TEXT NOT NULL,
    scope           TEXT NOT NULL,
    subject_id      TEXT,
    severity        TEXT NOT NULL,
    metric          TEXT NOT NULL,
    threshold       REAL NOT NULL,
    value           REAL NOT NULL,
    raised_at       TEXT NOT NULL,
    cleared_at      TEXT,
    clear_value     REAL,
    acknowledged_by TEXT,
    acknowledged_at TEXT
);
