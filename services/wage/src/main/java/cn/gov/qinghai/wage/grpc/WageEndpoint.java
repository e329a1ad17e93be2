package cn.gov.qinghai.wage.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.wage.service.ComplianceReforms;
import cn.gov.qinghai.wage.service.ComplianceService;
import cn.gov.qinghai.wage.service.MinimumWageService;
import cn.gov.qinghai.wage.service.PublishingService;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryResponse;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.PublishedStandard;
import cn.gov.qinghai.wage.v1.StreamComplianceRequest;
import cn.gov.qinghai.wage.v1.StreamComplianceResponse;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the wage service: hands each call to a service bean. Exceptions thrown here become the platform
 * error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class WageEndpoint extends WageServiceGrpc.WageServiceImplBase {

    private final MinimumWageService minimumWage;
    private final ComplianceService compliance;
    /** CheckCompliance with an optional reform beside the law (issue 24); field-injected, constructor kept. */
    @jakarta.inject.Inject
    ComplianceReforms reforms;

    private final PublishingService publishing;

    public WageEndpoint(MinimumWageService minimumWage, ComplianceService compliance, PublishingService publishing) {
        this.minimumWage = minimumWage;
        this.compliance = compliance;
        this.publishing = publishing;
    }

    @Override
    public void getMinimumWage(GetMinimumWageRequest request, StreamObserver<MinimumWage> out) {
        reply(out, minimumWage.get(request));
    }

    @Override
    public void listMinimumWageHistory(
            ListMinimumWageHistoryRequest request, StreamObserver<ListMinimumWageHistoryResponse> out) {
        reply(out, minimumWage.history(request));
    }

    @Override
    public void checkCompliance(CheckComplianceRequest request, StreamObserver<CheckComplianceResponse> out) {
        reply(out, reforms.check(request));
    }

    @Override
    public StreamObserver<StreamComplianceRequest> streamCompliance(StreamObserver<StreamComplianceResponse> out) {
        return new ComplianceStream((ServerCallStreamObserver<StreamComplianceResponse>) out, compliance);
    }

    @Override
    public void publishStandard(PublishStandardRequest request, StreamObserver<PublishedStandard> out) {
        reply(out, publishing.publish(request));
    }
}
