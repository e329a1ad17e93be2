-- How each county pays the benefit (青政办〔2017〕86号 二(三)): 据实补差 (GAP) or 按档补助 (TIERED) with its tiers.
-- Published by county approvers like county standards; append-only.
CREATE TABLE county_payment_method (
    id                BIGSERIAL PRIMARY KEY,
    request_id        VARCHAR(64) NOT NULL UNIQUE,
    payload_hash      CHAR(64)    NOT NULL,
    county            CHAR(6)     NOT NULL,
    effective_from    DATE        NOT NULL,
    method            TEXT        NOT NULL CHECK (method IN ('GAP', 'TIERED')),
    tiers             JSONB       NOT NULL,              -- [{"annualGapUpTo": "1200", "monthlyPerPerson": "80"}, ...]
    citation_document TEXT        NOT NULL,
    citation_clause   TEXT        NOT NULL,
    citation_title    TEXT        NOT NULL DEFAULT '',
    citation_note     TEXT        NOT NULL DEFAULT '',
    published_by      TEXT        NOT NULL,
    published_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (county, effective_from)
);
CREATE TRIGGER county_payment_method_append_only BEFORE UPDATE OR DELETE ON county_payment_method
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
