package cn.gov.qinghai.healthdata.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for infectious-disease case reports (传染病网络直报). Callers hold the transaction. */
@Singleton
public class CaseReportStore {

    /** A stored case report. */
    public record CaseReportRow(
            UUID id,
            String identityNumber,
            String diseaseCode,
            String classification,
            LocalDate onsetDate,
            LocalDate diagnosisDate,
            String county,
            String reportedBy,
            String organisation,
            Instant reportedAt) {}

    /** Reports of one disease category in one county diagnosed in the ISO week starting {@code week}. */
    public record WeekCount(String county, String category, LocalDate week, long count) {}

    private final Sql sql;

    public CaseReportStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<CaseReportRow> byRequestId(String requestId) {
        return sql.one("SELECT * FROM case_report WHERE request_id = ?", CaseReportStore::row, requestId);
    }

    public Optional<CaseReportRow> byId(UUID id) {
        return sql.one("SELECT * FROM case_report WHERE id = ?", CaseReportStore::row, id);
    }

    public void insert(
            UUID id,
            String requestId,
            String identityNumber,
            String diseaseCode,
            String category,
            String classification,
            LocalDate onset,
            LocalDate diagnosed,
            String county,
            String reportedBy,
            String organisation,
            Instant reportedAt) {
        sql.update(
                "INSERT INTO case_report (id, request_id, identity_number, disease_code, disease_category,"
                        + " classification, onset_date, diagnosis_date, county, reported_by, organisation, reported_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                id,
                requestId,
                identityNumber,
                diseaseCode,
                category,
                classification,
                onset,
                diagnosed,
                county,
                reportedBy,
                organisation,
                reportedAt);
    }

    /**
     * Weekly counts per county and disease category of reports diagnosed from {@code first} to {@code last}
     * (inclusive) in counties matching {@code countyLike} (a kit {@code Scope} pattern); weeks without reports are
     * absent.
     */
    public List<WeekCount> weeklyCounts(LocalDate first, LocalDate last, String countyLike) {
        return sql.list(
                "SELECT county, disease_category, date_trunc('week', diagnosis_date)::date AS wk, count(*)"
                        + " FROM case_report WHERE diagnosis_date BETWEEN ? AND ? AND county LIKE ?"
                        + " GROUP BY 1, 2, 3",
                rs -> new WeekCount(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4)),
                first,
                last,
                countyLike);
    }

    private static CaseReportRow row(ResultSet rs) throws SQLException {
        return new CaseReportRow(
                Sql.uuid(rs, "id"),
                rs.getString("identity_number"),
                rs.getString("disease_code"),
                rs.getString("classification"),
                Sql.date(rs, "onset_date"),
                Sql.date(rs, "diagnosis_date"),
                rs.getString("county"),
                rs.getString("reported_by"),
                rs.getString("organisation"),
                Sql.instant(rs, "reported_at"));
    }
}
