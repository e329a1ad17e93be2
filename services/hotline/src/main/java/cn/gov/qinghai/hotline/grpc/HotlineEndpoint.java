package cn.gov.qinghai.hotline.grpc;

import static cn.gov.qinghai.kit.grpc.Replies.reply;

import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.hotline.service.CatalogueService;
import cn.gov.qinghai.hotline.service.IntakeService;
import cn.gov.qinghai.hotline.service.SupervisionService;
import cn.gov.qinghai.hotline.service.TicketService;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.ClassifyMatterRequest;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesResponse;
import cn.gov.qinghai.hotline.v1.ListOverdueTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListPublicTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutResponse;
import cn.gov.qinghai.hotline.v1.ListTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListTicketsResponse;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsRequest;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsResponse;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.SupervisionReport;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/**
 * The gRPC face of the hotline service: hands each call to a service bean. Exceptions thrown there become the
 * platform error model in {@code PlatformServerInterceptor}.
 */
@Singleton
public class HotlineEndpoint extends HotlineServiceGrpc.HotlineServiceImplBase {

    private final CatalogueService catalogue;
    private final IntakeService intake;
    private final TicketService tickets;
    private final SupervisionService supervision;

    public HotlineEndpoint(
            CatalogueService catalogue, IntakeService intake, TicketService tickets, SupervisionService supervision) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.tickets = tickets;
        this.supervision = supervision;
    }

    @Override
    public void listCategories(ListCategoriesRequest request, StreamObserver<ListCategoriesResponse> out) {
        reply(out, catalogue.categories(request));
    }

    @Override
    public void classifyMatter(ClassifyMatterRequest request, StreamObserver<Classification> out) {
        reply(out, catalogue.classify(request));
    }

    @Override
    public void listRollout(ListRolloutRequest request, StreamObserver<ListRolloutResponse> out) {
        reply(out, catalogue.rollout(request));
    }

    @Override
    public void submitTicket(SubmitTicketRequest request, StreamObserver<SubmitTicketResponse> out) {
        reply(out, intake.submit(request));
    }

    @Override
    public void getTicket(GetTicketRequest request, StreamObserver<Ticket> out) {
        reply(out, tickets.get(request));
    }

    @Override
    public void listPublicTickets(ListPublicTicketsRequest request, StreamObserver<ListTicketsResponse> out) {
        reply(out, tickets.listPublic(request));
    }

    @Override
    public void listTickets(ListTicketsRequest request, StreamObserver<ListTicketsResponse> out) {
        reply(out, tickets.list(request));
    }

    @Override
    public void transitionTicket(TransitionTicketRequest request, StreamObserver<Ticket> out) {
        reply(out, tickets.transition(request));
    }

    @Override
    public void listOverdueTickets(ListOverdueTicketsRequest request, StreamObserver<ListTicketsResponse> out) {
        reply(out, tickets.overdue(request));
    }

    @Override
    public void sampleClosedTickets(
            SampleClosedTicketsRequest request, StreamObserver<SampleClosedTicketsResponse> out) {
        reply(out, supervision.sample(request));
    }

    @Override
    public void getSupervisionReport(GetSupervisionReportRequest request, StreamObserver<SupervisionReport> out) {
        reply(out, supervision.report(request));
    }

    @Override
    public void getSupervisionReportCsv(GetSupervisionReportRequest request, StreamObserver<CsvDocument> out) {
        reply(out, supervision.csv(request));
    }
}
