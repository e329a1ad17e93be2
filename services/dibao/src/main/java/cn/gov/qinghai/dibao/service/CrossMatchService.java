package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.v1.CrossMatchReport;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.grpc.stub.StreamObserver;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Poverty-registry cross-match (青政办〔2017〕86号 三(一): 低保系统与扶贫开发系统数据共享、实时比对): streamed import
 * of the 建档立卡 roster, and a set-based comparison with the members of approved dibao cases — one FULL OUTER JOIN
 * over distinct identity numbers, so a million rows a side is a single statement, not a loop.
 */
@Singleton
public class CrossMatchService {

    private final Sql db;
    private final DataSource dataSource;
    private final Clock clock;

    public CrossMatchService(
            Sql db, DataSource dataSource, io.micronaut.jdbc.DataSourceResolver resolver, Clock clock) {
        this.db = db;
        // The import holds its own connection and transaction for the whole stream, outside any @Transactional.
        this.dataSource = resolver.resolve(dataSource);
        this.clock = clock;
    }

    public StreamObserver<PovertyRosterChunk> importRoster(StreamObserver<PovertyRosterImport> out) {
        Caller caller;
        try {
            caller = Caller.current().requireAnyRole(Roles.POVERTY_OFFICE);
        } catch (ServiceException e) {
            // Refused before any chunk is read: report it and ignore whatever the client still sends.
            out.onError(e);
            return new StreamObserver<>() {
                @Override
                public void onNext(PovertyRosterChunk value) {}

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onCompleted() {}
            };
        }
        return new RegistryImportStream(out, caller, dataSource, clock);
    }

    @Transactional(readOnly = true)
    public CrossMatchReport report(GetCrossMatchReportRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.POVERTY_OFFICE, Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        String region = errors.qinghaiRegion("region", request.getRegion());
        int sample = request.getSampleSize() == 0 ? 10 : request.getSampleSize();
        errors.check(sample >= 0 && sample <= 100, "sampleSize", "must be between 0 and 100");
        errors.throwIfAny();
        caller.requireRegion(region);
        long importId = db.one(
                        "SELECT max(id) FROM registry_import WHERE completed_at IS NOT NULL",
                        rs -> rs.getObject(1) == null ? null : rs.getLong(1))
                .orElseThrow(() -> ServiceException.failedPrecondition(
                        "NO_REGISTRY_IMPORT", "no poverty-registry roster has been imported yet"));
        // Region filter on the county code, from the one kit scope (province 63%, prefecture 6301%, county itself).
        String prefix = new Scope(region).likePattern();
        String sql = """
                WITH d AS (SELECT DISTINCT m.id_number FROM case_member m JOIN dibao_case c ON c.id = m.case_id
                           WHERE c.status = 'APPROVED' AND c.county LIKE ?),
                     r AS (SELECT DISTINCT id_number FROM registry_person WHERE import_id = ? AND county LIKE ?),
                     j AS (SELECT coalesce(d.id_number, r.id_number) AS id_number,
                                  CASE WHEN d.id_number IS NOT NULL AND r.id_number IS NOT NULL THEN 'B'
                                       WHEN d.id_number IS NOT NULL THEN 'D' ELSE 'R' END AS side
                           FROM d FULL OUTER JOIN r ON d.id_number = r.id_number),
                     counts AS (SELECT side, count(*) AS n FROM j GROUP BY side),
                     samples AS (SELECT side, id_number, row_number() OVER (PARTITION BY side ORDER BY id_number) AS k
                                 FROM j)
                SELECT 'count', side, n::text FROM counts
                UNION ALL
                SELECT 'sample', side, id_number FROM samples WHERE k <= ?
                """;
        List<String[]> rows = db.list(
                sql,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                prefix,
                importId,
                prefix,
                sample);
        CrossMatchReport.Builder out = CrossMatchReport.newBuilder()
                .setRegion(region)
                .setImportId(String.valueOf(importId))
                .setComputedAt(clock.instant().toString());
        for (String[] row : rows) {
            if (row[0].equals("count")) {
                long n = Long.parseLong(row[2]);
                switch (row[1]) {
                    case "B" -> out.setInBoth(n);
                    case "D" -> out.setDibaoOnly(n);
                    default -> out.setRegistryOnly(n);
                }
            } else {
                String masked = ResidentId.mask(row[2].trim());
                switch (row[1]) {
                    case "B" -> out.addSampleInBoth(masked);
                    case "D" -> out.addSampleDibaoOnly(masked);
                    default -> out.addSampleRegistryOnly(masked);
                }
            }
        }
        return out.build();
    }
}
