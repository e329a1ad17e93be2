package cn.gov.qinghai.dibao.verification;

import cn.gov.qinghai.health.v1.GetMajorMedicalExpensesRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.MajorMedicalExpenses;
import cn.gov.qinghai.kit.grpc.ReconnectOnce;
import cn.gov.qinghai.kit.grpc.RequestIds;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Verification asks the health-data service ({@code GetMajorMedicalExpenses}, channel {@code grpc.channels.health-data},
 * address HEALTH_DATA_GRPC_ADDRESS) for a member's out-of-pocket major medical expenses in the year, with the
 * verifier's own token (health-data allows only role dibao:verifier with purpose {@value #PURPOSE} and audits every
 * call). Whatever goes wrong — service down, deadline, denial, or no health record held for the person — is recorded
 * as "not consulted" with the reason, never as a made-up zero.
 */
@Singleton
public class HealthDataMedicalExpenses implements MedicalExpenseSource {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String SOURCE = "health-data GetMajorMedicalExpenses (purpose " + PURPOSE + ")";

    /** How long a retry after a lost connection waits for health-data to be reachable again. */
    private static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

    private final ManagedChannel channel;
    private final HealthDataServiceGrpc.HealthDataServiceBlockingStub stub;
    private final Duration timeout;

    public HealthDataMedicalExpenses(
            @GrpcChannel("health-data") ManagedChannel channel,
            @Value("${dibao.medical-source-timeout:3s}") Duration timeout) {
        this.channel = channel;
        this.stub = HealthDataServiceGrpc.newBlockingStub(channel);
        this.timeout = timeout;
    }

    @Override
    public MedicalExpenseFinding majorMedicalExpenses(String idNumber, int year, String callerToken) {
        Metadata headers = new Metadata();
        if (callerToken != null && !callerToken.isEmpty()) {
            headers.put(AUTHORIZATION, "Bearer " + callerToken);
        }
        headers.put(RequestIds.HEADER, RequestIds.current());
        try {
            // a read, so safe to try again once the channel has reconnected after a health-data restart
            GetMajorMedicalExpensesRequest lookup = GetMajorMedicalExpensesRequest.newBuilder()
                    .setIdentityNumber(idNumber)
                    .setYear(year)
                    .setPurpose(PURPOSE)
                    .build();
            MajorMedicalExpenses r = ReconnectOnce.call(
                    channel,
                    stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)),
                    timeout,
                    RECONNECT_WAIT,
                    s -> s.getMajorMedicalExpenses(lookup));
            if (!r.getRecordsFound()) {
                return MedicalExpenseFinding.notConsulted(SOURCE + ": no health record held for this member; major"
                        + " medical expenses for " + year + " must be checked from documents");
            }
            return MedicalExpenseFinding.consulted(
                    new BigDecimal(r.getTotal()),
                    SOURCE + " " + year + ": out-of-pocket inpatient and major-disease costs, " + r.getItemsCount()
                            + " encounter(s)");
        } catch (StatusRuntimeException e) {
            return MedicalExpenseFinding.notConsulted(
                    SOURCE + " did not answer (" + e.getStatus().getCode() + "); major medical expenses for " + year
                            + " must be checked from documents");
        }
    }
}
