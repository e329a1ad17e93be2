-- Schema of the dibao service (青政办〔2017〕86号). Append-only tables refuse UPDATE and DELETE by trigger.

CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

-- County standards published by county approvers (二(三)); never below the provincial floor (checked in the service).
CREATE TABLE county_standard (
    id                BIGSERIAL PRIMARY KEY,
    request_id        VARCHAR(64)    NOT NULL UNIQUE,
    county            CHAR(6)        NOT NULL,
    effective_from    DATE           NOT NULL,
    annual_amount     NUMERIC(12, 2) NOT NULL CHECK (annual_amount > 0),
    citation_document TEXT           NOT NULL,
    citation_clause   TEXT           NOT NULL,
    citation_title    TEXT           NOT NULL DEFAULT '',
    citation_note     TEXT           NOT NULL DEFAULT '',
    published_by      TEXT           NOT NULL,
    published_at      TIMESTAMPTZ    NOT NULL,
    UNIQUE (county, effective_from)
);
CREATE TRIGGER county_standard_append_only BEFORE UPDATE OR DELETE ON county_standard
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A dibao case: one application of a household, from 申请 to 审批 and, later, exit. The household is kept as
-- declared (protobuf JSON), so an assessment can always be redone from what was decided on.
CREATE TABLE dibao_case (
    id                 BIGSERIAL PRIMARY KEY,
    request_id         VARCHAR(64)   NOT NULL UNIQUE,       -- idempotency key of the submission
    payload_hash       CHAR(64)      NOT NULL,              -- SHA-256 of the submitted payload
    county             CHAR(6)       NOT NULL,
    township           TEXT          NOT NULL,
    head_id_number     CHAR(18)      NOT NULL,
    head_name          TEXT          NOT NULL,
    household_size     INT           NOT NULL,
    household          JSONB         NOT NULL,
    status             TEXT          NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 1,     -- optimistic lock
    classification     CHAR(1),
    monthly_gap        NUMERIC(12, 2),
    monthly_allowances NUMERIC(12, 2),
    monthly_total      NUMERIC(12, 2),
    explanation        JSONB,
    medical_checks     JSONB,
    submitted_at       TIMESTAMPTZ   NOT NULL,
    approved_at        TIMESTAMPTZ,
    first_paid_month   DATE,                                 -- first day of the first month paid
    exit_reason        TEXT,
    exit_date          DATE,
    retention_months   INT,
    last_paid_month    DATE,                                 -- first day of the last month paid (after exit)
    CHECK (status IN ('SUBMITTED', 'TOWNSHIP_REVIEWED', 'VERIFIED', 'APPROVED', 'REJECTED', 'EXITED'))
);
-- One open case per household head (an approved, still paid case is open until it exits).
CREATE UNIQUE INDEX dibao_case_one_open_per_head ON dibao_case (head_id_number)
    WHERE status IN ('SUBMITTED', 'TOWNSHIP_REVIEWED', 'VERIFIED', 'APPROVED');
CREATE INDEX dibao_case_county_status ON dibao_case (county, status);
CREATE INDEX dibao_case_paid ON dibao_case (county, first_paid_month) WHERE first_paid_month IS NOT NULL;

-- Every transition of a case, with actor, time and note. Append-only.
CREATE TABLE case_history (
    id          BIGSERIAL PRIMARY KEY,
    case_id     BIGINT      NOT NULL REFERENCES dibao_case (id),
    sequence    INT         NOT NULL,
    action      TEXT        NOT NULL,
    from_status TEXT        NOT NULL,
    to_status   TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL DEFAULT '',
    UNIQUE (case_id, sequence)
);
CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Temporary assistance grants (二(四)). Append-only.
CREATE TABLE temporary_assistance (
    id                    BIGSERIAL PRIMARY KEY,
    request_id            VARCHAR(64)    NOT NULL UNIQUE,
    payload_hash          CHAR(64)       NOT NULL,
    county                CHAR(6)        NOT NULL,
    township              TEXT           NOT NULL,
    beneficiary_name      TEXT           NOT NULL,
    beneficiary_id_number CHAR(18)       NOT NULL,
    amount                NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    reason                TEXT           NOT NULL,
    approval_level        TEXT           NOT NULL,
    approval_limit        NUMERIC(12, 2) NOT NULL,
    entrustment           TEXT           NOT NULL DEFAULT '',
    approved_by           TEXT           NOT NULL,
    approved_at           TIMESTAMPTZ    NOT NULL,
    CHECK (amount <= approval_limit)
);
CREATE TRIGGER temporary_assistance_append_only BEFORE UPDATE OR DELETE ON temporary_assistance
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
