-- Railguard event store, schema version 1. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC); JSON documents are text, written and read by the library's codecs.

CREATE TABLE rg_events (
    event_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,
    source_id      VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    nametag        VARCHAR(255),
    run_mode       VARCHAR(32)  NOT NULL,
    model_used     VARCHAR(255),
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    completed_at   BIGINT,
    input_json     TEXT         NOT NULL,
    detail_json    TEXT,
    error_message  TEXT
);

CREATE INDEX rg_events_created ON rg_events (created_at, event_id);
CREATE INDEX rg_events_source ON rg_events (source_id, created_at);
CREATE INDEX rg_events_status ON rg_events (status, created_at);
CREATE INDEX rg_events_nametag ON rg_events (nametag, created_at);

CREATE TABLE rg_event_metrics (
    event_id   VARCHAR(64)      NOT NULL,
    metric     VARCHAR(128)     NOT NULL,
    score      DOUBLE PRECISION,
    threshold  DOUBLE PRECISION NOT NULL,
    verdict    VARCHAR(16)      NOT NULL,
    PRIMARY KEY (event_id, metric)
);

CREATE INDEX rg_event_metrics_verdict ON rg_event_metrics (metric, verdict);

CREATE TABLE rg_eval_runs (
    table_name                VARCHAR(63)  NOT NULL,
    run_id                    VARCHAR(64)  NOT NULL,
    eval_type                 VARCHAR(32)  NOT NULL,
    name                      VARCHAR(255),
    agent_id                  VARCHAR(255),
    team_id                   VARCHAR(255),
    workflow_id               VARCHAR(255),
    model_id                  VARCHAR(255),
    model_provider            VARCHAR(255),
    evaluated_component_name  VARCHAR(255),
    eval_input                TEXT,
    eval_data                 TEXT         NOT NULL,
    created_at                BIGINT       NOT NULL,
    updated_at                BIGINT       NOT NULL,
    PRIMARY KEY (table_name, run_id)
);

CREATE INDEX rg_eval_runs_created ON rg_eval_runs (table_name, created_at);
