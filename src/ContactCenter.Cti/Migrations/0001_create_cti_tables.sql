-- API tokens (CTI-10). Only the SHA-256 of a token is stored; the token itself is shown once, at creation.
CREATE TABLE cti_tokens (
    id           TEXT    NOT NULL PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE,
    token_prefix TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'supervisor', 'integrator', 'agent')),
    agent_id     TEXT    NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NULL,
    revoked_at   TEXT    NULL,
    CHECK ((role = 'agent') = (agent_id IS NOT NULL))
);

-- Event subscriptions (CTI-01, CTI-06). Filters are JSON arrays; an empty array accepts everything.
CREATE TABLE cti_subscriptions (
    id                TEXT    NOT NULL PRIMARY KEY,
    owner_token_id    TEXT    NOT NULL,
    owner_agent_id    TEXT    NULL,
    types             TEXT    NOT NULL,
    agents            TEXT    NOT NULL,
    services          TEXT    NOT NULL,
    media             TEXT    NOT NULL,
    delivery          TEXT    NOT NULL CHECK (delivery IN ('channel', 'webhook')),
    webhook_url       TEXT    NULL,
    webhook_secret    TEXT    NULL,  -- protected with ASP.NET Core Data Protection, never returned by the API
    status            TEXT    NOT NULL CHECK (status IN ('active', 'disabled')),
    disabled_reason   TEXT    NULL,
    created_at        TEXT    NOT NULL,
    created_stream_id TEXT    NOT NULL,
    created_seq       INTEGER NOT NULL,
    channel_stream_id TEXT    NULL,
    CHECK ((delivery = 'webhook') = (webhook_url IS NOT NULL AND webhook_secret IS NOT NULL))
);
CREATE INDEX cti_subscriptions_owner ON cti_subscriptions (owner_token_id);

-- Webhook outbox: one row per event per webhook subscription, delivered in id order per subscription.
CREATE TABLE cti_webhook_outbox (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    subscription_id  TEXT    NOT NULL REFERENCES cti_subscriptions (id) ON DELETE CASCADE,
    event_id         TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    stream_id        TEXT    NOT NULL,
    body             BLOB    NOT NULL,
    created_at       TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    first_attempt_at TEXT    NULL,
    next_attempt_at  TEXT    NULL
);
CREATE INDEX cti_webhook_outbox_subscription ON cti_webhook_outbox (subscription_id, id);

-- Delivery log: every attempt, success or failure; pruned to the newest rows per subscription.
CREATE TABLE cti_webhook_deliveries (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    event_type      TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    attempt         INTEGER NOT NULL,
    attempted_at    TEXT    NOT NULL,
    status_code     INTEGER NULL,
    error           TEXT    NULL,
    duration_ms     INTEGER NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('delivered', 'failed', 'abandoned'))
);
CREATE INDEX cti_webhook_deliveries_subscription ON cti_webhook_deliveries (subscription_id, id);
