-- Retail service schema (青政办〔2017〕85号). Workflow tables carry a version column; history and trace tables are
-- append-only (a trigger refuses UPDATE and DELETE).

CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

-- ---------------------------------------------------------------- registry
CREATE TABLE enterprise (
    credit_code        CHAR(18)    PRIMARY KEY,            -- GB 32100-2015, checked by the service
    name               TEXT        NOT NULL,
    region             CHAR(6)     NOT NULL,
    chain              BOOLEAN     NOT NULL,
    hq_licence_number  TEXT        NOT NULL DEFAULT '',
    registered_by      TEXT        NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE outlet (
    id                     BIGSERIAL   PRIMARY KEY,
    request_id             VARCHAR(64) NOT NULL UNIQUE,    -- idempotency key
    enterprise_credit_code CHAR(18)    NOT NULL REFERENCES enterprise,
    name                   TEXT        NOT NULL,
    region                 CHAR(6)     NOT NULL,
    format                 TEXT        NOT NULL,
    address                TEXT        NOT NULL,
    licence_mode           TEXT        NOT NULL,
    licence_number         TEXT        NOT NULL,
    status                 TEXT        NOT NULL,           -- REGISTERED | FILED
    registered_by          TEXT        NOT NULL,
    registered_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX outlet_region_format ON outlet (region, format);
CREATE INDEX outlet_enterprise ON outlet (enterprise_credit_code);

CREATE TABLE brand (
    id                     BIGSERIAL   PRIMARY KEY,
    enterprise_credit_code CHAR(18)    NOT NULL REFERENCES enterprise,
    brand                  TEXT        NOT NULL,
    certificate_number     TEXT        NOT NULL UNIQUE,
    recognised_on          DATE        NOT NULL,
    online                 BOOLEAN     NOT NULL,
    recorded_by            TEXT        NOT NULL,
    recorded_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE pallet_pilot (
    enterprise_credit_code CHAR(18)    PRIMARY KEY REFERENCES enterprise,
    sector                 TEXT        NOT NULL,
    total_pallets          BIGINT      NOT NULL CHECK (total_pallets >= 0),
    standard_pallets       BIGINT      NOT NULL CHECK (standard_pallets >= 0 AND standard_pallets <= total_pallets),
    enrolled_by            TEXT        NOT NULL,
    enrolled_at            TIMESTAMPTZ NOT NULL
);

-- ---------------------------------------------------------------- traceability
CREATE TABLE batch (
    batch_code         VARCHAR(64) PRIMARY KEY,
    product            TEXT        NOT NULL,
    quantity           TEXT        NOT NULL DEFAULT '',
    parent_batch_code  VARCHAR(64) REFERENCES batch,
    producer           CHAR(18)    NOT NULL,
    last_sequence      INT         NOT NULL,
    last_hash          TEXT        NOT NULL         -- hash of the newest event (chain head)
);
CREATE INDEX batch_parent ON batch (parent_batch_code) WHERE parent_batch_code IS NOT NULL;

CREATE TABLE trace_event (
    batch_code     VARCHAR(64) NOT NULL REFERENCES batch,
    sequence       INT         NOT NULL,
    request_id     VARCHAR(64) NOT NULL UNIQUE,
    type           TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          CHAR(18)    NOT NULL,
    counterparty   CHAR(18),
    outlet_id      BIGINT,
    product        TEXT        NOT NULL DEFAULT '',
    quantity       TEXT        NOT NULL DEFAULT '',
    parent_batch_code VARCHAR(64),
    hash           CHAR(64)    NOT NULL,
    previous_hash  TEXT        NOT NULL,
    signature      TEXT        NOT NULL,
    key_id         TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (batch_code, sequence)
);
-- Recall reach walks RECEIVED edges: (batch, shipper) → receiver.
CREATE INDEX trace_event_received ON trace_event (batch_code, counterparty) WHERE type = 'RECEIVED';
CREATE TRIGGER trace_event_append_only BEFORE UPDATE OR DELETE ON trace_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ---------------------------------------------------------------- cold chain
CREATE TABLE shipment (
    shipment_code  VARCHAR(64) PRIMARY KEY,
    carrier        CHAR(18)    NOT NULL,
    product_class  TEXT        NOT NULL,
    batch_code     VARCHAR(64) REFERENCES batch,
    min_celsius    NUMERIC(6, 2),                          -- NULL = unbounded
    max_celsius    NUMERIC(6, 2),
    range_from     DATE        NOT NULL,                   -- effective date of the range parameter used
    registered_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX shipment_carrier ON shipment (carrier);

CREATE TABLE reading (
    shipment_code  VARCHAR(64)   NOT NULL REFERENCES shipment,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    celsius        NUMERIC(7, 3) NOT NULL,
    PRIMARY KEY (shipment_code, recorded_at)
);

CREATE TABLE excursion (
    id               BIGSERIAL     PRIMARY KEY,
    shipment_code    VARCHAR(64)   NOT NULL REFERENCES shipment,
    started_at       TIMESTAMPTZ   NOT NULL,
    ended_at         TIMESTAMPTZ,                          -- NULL while ongoing
    last_out_at      TIMESTAMPTZ   NOT NULL,
    peak_celsius     NUMERIC(7, 3) NOT NULL,
    direction        TEXT          NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    acknowledge_note TEXT,
    UNIQUE (shipment_code, started_at)
);
CREATE INDEX excursion_open ON excursion (shipment_code) WHERE acknowledged_at IS NULL;

-- ---------------------------------------------------------------- rural network
CREATE TABLE service_point (
    id                   BIGSERIAL   PRIMARY KEY,
    request_id           VARCHAR(64) NOT NULL UNIQUE,
    kind                 TEXT        NOT NULL,
    operator_credit_code CHAR(18)    NOT NULL REFERENCES enterprise,
    township_code        CHAR(9)     NOT NULL,
    township_name        TEXT        NOT NULL,
    village              TEXT        NOT NULL,
    services             TEXT[]      NOT NULL,
    registered_by        TEXT        NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX service_point_township ON service_point (township_code);

CREATE TABLE subsidy_application (
    id                 BIGSERIAL      PRIMARY KEY,
    request_id         VARCHAR(64)    NOT NULL UNIQUE,
    service_point_id   BIGINT         NOT NULL REFERENCES service_point,
    applicant          CHAR(18)       NOT NULL,
    construction_cost  NUMERIC(14, 2) NOT NULL CHECK (construction_cost > 0),
    requested_amount   NUMERIC(14, 2) NOT NULL CHECK (requested_amount > 0 AND requested_amount <= construction_cost),
    description        TEXT           NOT NULL DEFAULT '',
    status             TEXT           NOT NULL,
    approved_amount    NUMERIC(14, 2) CHECK (approved_amount IS NULL OR approved_amount <= requested_amount),
    decision_reason    TEXT,
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    version            INT            NOT NULL,
    submitted_by       TEXT           NOT NULL,
    submitted_at       TIMESTAMPTZ    NOT NULL
);

CREATE TABLE subsidy_application_history (
    id              BIGSERIAL   PRIMARY KEY,
    application_id  BIGINT      NOT NULL REFERENCES subsidy_application,
    from_status     TEXT,
    to_status       TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    note            TEXT        NOT NULL DEFAULT '',
    at              TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER subsidy_history_append_only BEFORE UPDATE OR DELETE ON subsidy_application_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- ---------------------------------------------------------------- statistics
CREATE TABLE monthly_report (
    credit_code                  CHAR(18)       NOT NULL REFERENCES enterprise,
    month                        DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    format                       TEXT           NOT NULL,
    region                       CHAR(6)        NOT NULL,
    annual_main_business_revenue NUMERIC(16, 2) NOT NULL,
    retail_sales                 NUMERIC(16, 2) NOT NULL CHECK (retail_sales >= 0),
    online_sales                 NUMERIC(16, 2) NOT NULL CHECK (online_sales >= 0 AND online_sales <= retail_sales),
    submitted_by                 TEXT           NOT NULL,
    submitted_at                 TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (credit_code, month)
);
CREATE INDEX monthly_report_month ON monthly_report (month);
