-- Batch recalls (青政办〔2017〕85号 一(三) 质量安全可追溯管理): append-only, shown in the public trace of the batch and
-- of every batch split from it.
CREATE TABLE batch_recall (
    id           BIGSERIAL PRIMARY KEY,
    request_id   VARCHAR(64) NOT NULL UNIQUE,
    batch_code   VARCHAR(64) NOT NULL REFERENCES batch,
    reason       TEXT        NOT NULL,
    recalled_by  TEXT        NOT NULL,
    recalled_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX batch_recall_batch ON batch_recall (batch_code);
CREATE TRIGGER batch_recall_append_only BEFORE UPDATE OR DELETE ON batch_recall
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
