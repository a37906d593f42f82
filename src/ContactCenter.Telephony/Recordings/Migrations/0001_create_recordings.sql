-- One row per recording of a call, inserted when it starts ('recording') and completed when it stops, so a crash
-- leaves a row the next start marks 'interrupted' (the media engine repairs the WAV file itself).
CREATE TABLE recordings (
    id                TEXT    PRIMARY KEY,
    call_id           TEXT    NOT NULL,
    path              TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('recording', 'completed', 'failed', 'interrupted')),
    started_at        TEXT    NOT NULL,
    stopped_at        TEXT,
    duration_seconds  REAL,
    paused_seconds    REAL,
    file_bytes        INTEGER,
    channels          INTEGER,
    sample_rate       INTEGER,
    dropped_frames    INTEGER,
    failure           TEXT
);
CREATE INDEX recordings_call_id ON recordings (call_id);
CREATE INDEX recordings_started_at ON recordings (started_at);
