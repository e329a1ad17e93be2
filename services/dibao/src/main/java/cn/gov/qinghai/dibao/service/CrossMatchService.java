package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.RegistryImportRepository;
import cn.gov.qinghai.dibao.data.RegistryImportRow;
import cn.gov.qinghai.dibao.data.RegistryStore;
import cn.gov.qinghai.dibao.v1.CrossMatchReport;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.grpc.stub.StreamObserver;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Poverty-registry cross-match (青政办〔2017〕86号 三(一): 低保系统与扶贫开发系统数据共享、实时比对): streamed import
 * of the 建档立卡 roster, and a set-based comparison with the members of approved dibao cases — one FULL OUTER JOIN
 * over distinct identity numbers, so a million rows a side is a single statement, not a loop.
 */
@Singleton
public class CrossMatchService {

    private final RegistryStore registry;
    private final RegistryImportRepository imports;
    private final Clock clock;

    public CrossMatchService(RegistryStore registry, RegistryImportRepository imports, Clock clock) {
        this.registry = registry;
        this.imports = imports;
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
        return new RegistryImportStream(out, caller, registry, clock);
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
        long importId = imports.findFirstByCompletedAtIsNotNullOrderByIdDesc()
                .map(RegistryImportRow::id)
                .orElseThrow(() -> ServiceException.failedPrecondition(
                        "NO_REGISTRY_IMPORT", "no poverty-registry roster has been imported yet"));
        // Region filter on the county code, from the one kit scope (province 63%, prefecture 6301%, county itself).
        String prefix = new Scope(region).likePattern();
        var rows = registry.crossMatch(prefix, importId, sample);
        CrossMatchReport.Builder out = CrossMatchReport.newBuilder()
                .setRegion(region)
                .setImportId(String.valueOf(importId))
                .setComputedAt(clock.instant().toString());
        for (RegistryStore.MatchRow row : rows) {
            if (row.kind().equals("count")) {
                long n = Long.parseLong(row.value());
                switch (row.side()) {
                    case "B" -> out.setInBoth(n);
                    case "D" -> out.setDibaoOnly(n);
                    default -> out.setRegistryOnly(n);
                }
            } else {
                String masked = ResidentId.mask(row.value().trim());
                switch (row.side()) {
                    case "B" -> out.addSampleInBoth(masked);
                    case "D" -> out.addSampleDibaoOnly(masked);
                    default -> out.addSampleRegistryOnly(masked);
                }
            }
        }
        return out.build();
    }
}
