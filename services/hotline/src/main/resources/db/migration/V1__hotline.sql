-- 12345 tickets (青政办〔2017〕96号 三(三) "有人接、有人管、有渠道、有反馈"). The ticket row holds the current state
-- (optimistic locking on version); ticket_event is the append-only history written in the same transaction.
CREATE TABLE ticket (
    id                  BIGSERIAL    PRIMARY KEY,
    number              VARCHAR(20)  NOT NULL UNIQUE,            -- public tracking number, e.g. 20170615-7K3QDM2A
    request_id          VARCHAR(64)  NOT NULL UNIQUE,            -- idempotency key of the intake
    payload_hash        CHAR(64)     NOT NULL,                   -- sha-256 of the intake payload (replay check)
    state               TEXT         NOT NULL,
    region              CHAR(6)      NOT NULL,                   -- where (GB/T 2260, county codes allowed)
    prefecture          CHAR(6)      NOT NULL,                   -- its prefecture: scope and reports
    category_code       TEXT,                                    -- NULL while pending classification
    channel             TEXT         NOT NULL,
    hotline             TEXT         NOT NULL,
    hand_off            TEXT         NOT NULL,
    agency_id           TEXT,                                    -- NULL before routing / after a return
    description         TEXT         NOT NULL,
    address             TEXT         NOT NULL DEFAULT '',
    latitude            TEXT         NOT NULL DEFAULT '',
    longitude           TEXT         NOT NULL DEFAULT '',
    caller_phone        TEXT         NOT NULL DEFAULT '',
    source              TEXT         NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL,
    accept_limit_hours  INT          NOT NULL CHECK (accept_limit_hours > 0),
    resolve_limit_hours INT          NOT NULL CHECK (resolve_limit_hours > 0),
    accept_due_at       TIMESTAMPTZ  NOT NULL,
    resolve_due_at      TIMESTAMPTZ  NOT NULL,
    accepted_at         TIMESTAMPTZ,
    resolved_at         TIMESTAMPTZ,
    resolved_on_time    BOOLEAN,
    closed_at           TIMESTAMPTZ,
    result              TEXT         NOT NULL DEFAULT '',
    feedback            TEXT         NOT NULL DEFAULT 'FEEDBACK_UNSPECIFIED',
    reopen_count        INT          NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    version             BIGINT       NOT NULL CHECK (version > 0),
    classification      BYTEA        NOT NULL                    -- the Classification proto at intake/CLASSIFY
);
CREATE INDEX ticket_prefecture_received ON ticket (prefecture, received_at);
CREATE INDEX ticket_agency_state ON ticket (agency_id, state);
CREATE INDEX ticket_open_resolve_due ON ticket (resolve_due_at) WHERE state NOT IN ('CLOSED', 'HANDED_TO_110',
    'RESOLVED', 'FEEDBACK_RECORDED');
CREATE INDEX ticket_closed ON ticket (prefecture, closed_at) WHERE closed_at IS NOT NULL;

-- Append-only history: who did what when. A trigger refuses UPDATE and DELETE.
CREATE TABLE ticket_event (
    ticket_id   BIGINT       NOT NULL REFERENCES ticket (id),
    seq         INT          NOT NULL CHECK (seq > 0),
    action      TEXT         NOT NULL,
    event       TEXT         NOT NULL,
    from_state  TEXT         NOT NULL,
    to_state    TEXT         NOT NULL,
    actor       TEXT         NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    note        TEXT         NOT NULL DEFAULT '',
    agency_id   TEXT         NOT NULL DEFAULT '',
    request_id  VARCHAR(64),                                     -- idempotency key of a transition
    PRIMARY KEY (ticket_id, seq),
    UNIQUE (ticket_id, request_id)
);

CREATE FUNCTION ticket_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ticket_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ticket_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ticket_event
    FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only();

-- Matters answered "call 110 now" (紧急处置 / 联合处置): no ticket and no description or contact kept, only what
-- the quarterly volumes by channel need.
CREATE TABLE emergency_referral (
    id            BIGSERIAL    PRIMARY KEY,
    request_id    VARCHAR(64)  NOT NULL UNIQUE,
    payload_hash  CHAR(64)     NOT NULL,
    region        CHAR(6)      NOT NULL,
    prefecture    CHAR(6)      NOT NULL,
    category_code TEXT         NOT NULL,
    channel       TEXT         NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    classification BYTEA       NOT NULL                    -- the answer given, replayed as it was
);
CREATE INDEX emergency_referral_prefecture_at ON emergency_referral (prefecture, at);
