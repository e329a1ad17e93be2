-- Minimum-wage standards published at run time by a wage:admin (PublishStandard).
-- Append-only: history is never rewritten; a correction is a new standard with a later effective date.
CREATE TABLE published_standard (
    id                 BIGSERIAL PRIMARY KEY,
    request_id         VARCHAR(64)    NOT NULL UNIQUE,      -- idempotency key: a retry returns this row
    region             CHAR(6)        NOT NULL,             -- 630000 = province-wide, else a prefecture
    effective_from     DATE           NOT NULL,
    monthly            NUMERIC(12, 2) NOT NULL CHECK (monthly > 0),
    hourly             NUMERIC(12, 2) NOT NULL CHECK (hourly > 0),
    citation_document  TEXT           NOT NULL,
    citation_clause    TEXT           NOT NULL,
    citation_title     TEXT           NOT NULL DEFAULT '',
    citation_note      TEXT           NOT NULL DEFAULT '',
    published_by       TEXT           NOT NULL,
    published_at       TIMESTAMPTZ    NOT NULL,
    UNIQUE (region, effective_from)
);

CREATE FUNCTION published_standard_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'published_standard is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER published_standard_no_update_or_delete
    BEFORE UPDATE OR DELETE ON published_standard
    FOR EACH ROW EXECUTE FUNCTION published_standard_append_only();
