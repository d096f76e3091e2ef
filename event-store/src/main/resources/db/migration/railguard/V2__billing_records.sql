-- Schema version 2: DeepRails' billing_request_id (bill_...) names a local usage record per event: judge calls,
-- tokens and cost. Events written under version 1 simply have no billing record.

CREATE TABLE rg_billing (
    billing_request_id  VARCHAR(64)      NOT NULL PRIMARY KEY,
    event_id            VARCHAR(64)      NOT NULL,
    judge_calls         INTEGER          NOT NULL,
    cache_hits          INTEGER          NOT NULL,
    input_tokens        BIGINT           NOT NULL,
    output_tokens       BIGINT           NOT NULL,
    cost                DOUBLE PRECISION NOT NULL,
    recorded_at         BIGINT           NOT NULL
);

CREATE UNIQUE INDEX rg_billing_event ON rg_billing (event_id);
