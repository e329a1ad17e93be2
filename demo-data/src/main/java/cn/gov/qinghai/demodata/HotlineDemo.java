package cn.gov.qinghai.demodata;

import cn.gov.qinghai.hotline.v1.Category;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc.HotlineServiceBlockingStub;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * 12345 tickets of every prefecture in the catalogue's hotline categories (never an emergency), entered by a 12345
 * operator (calls and portal requests) on days of 2017 ({@code receivedOn}), and the Xining labour agency accepting and resolving the ones routed to it, each step on its own later day of 2017 ({@code actedOn}).
 */
final class HotlineDemo implements DemoDomain {

    static final String OPERATOR = "hotline-operator-province";
    static final String AGENCY = "hotline-labour-xining";
    static final String AGENCY_ID = "630100-human-resources";
    static final int TICKETS = 40;
    /** 96号 takes effect: the first day a 12345 ticket can be received. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 6, 5);
    /** The demonstration year ends: no step is dated later. */
    private static final LocalDate LAST_DAY = LocalDate.of(2017, 12, 29);

    private final Connections connections;
    private final Random random;

    HotlineDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0x12345L);
    }

    @Override
    public String service() {
        return "hotline";
    }

    private HotlineServiceBlockingStub anonymous() {
        return HotlineServiceGrpc.newBlockingStub(connections.channel(service()))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private HotlineServiceBlockingStub agency() {
        return anonymous().withCallCredentials(connections.as(AGENCY));
    }

    /** A 12345 operator: calls taken by phone (PHONE_12345) are the operator's to enter. */
    private HotlineServiceBlockingStub operator() {
        return anonymous().withCallCredentials(connections.as(OPERATOR));
    }

    @Override
    public boolean loaded() {
        try {
            anonymous()
                    .getTicket(GetTicketRequest.newBuilder()
                            .setRequestId(REQUEST_PREFIX + "hl-" + TICKETS)
                            .build());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int load() {
        List<Category> categories =
                anonymous().listCategories(ListCategoriesRequest.getDefaultInstance()).getCategoriesList().stream()
                        .filter(c -> c.getChannel() == Channel.HOTLINE_TICKET)
                        .toList();
        if (categories.isEmpty()) {
            return 0;
        }
        int sent = 0;
        List<Counties.County> counties = Counties.ALL;
        for (int i = 1; i <= TICKETS; i++) {
            Category c = categories.get(random.nextInt(categories.size()));
            // half of them in Xining, where the demo agency works
            Counties.County where = counties.get(i % 2 == 0 ? random.nextInt(7) : random.nextInt(counties.size()));
            String about =
                    c.getKeywordsCount() > 0 ? c.getKeywords(random.nextInt(c.getKeywordsCount())) : c.getNameZh();
            // received in the second half of 2017, not on the day the platform starts
            LocalDate received = FIRST_DAY.plusDays(random.nextInt(200));
            Ticket t = operator()
                    .submitTicket(SubmitTicketRequest.newBuilder()
                            .setRequestId(REQUEST_PREFIX + "hl-" + i)
                            .setCategoryCode(c.getCode())
                            .setRegion(where.code())
                            .setDescription("市民反映" + where.name() + "的" + about + "问题，请尽快处理。（示例数据）")
                            .setSource(i % 3 == 0 ? Source.PORTAL : Source.PHONE_12345)
                            .setReceivedOn(received.toString())
                            .build())
                    .getTicket();
            sent++;
            if (!AGENCY_ID.equals(t.getAgencyId()) || random.nextInt(4) == 0) {
                continue;
            }
            // the agency's own view: its version and the actions it may take
            t = agency().getTicket(GetTicketRequest.newBuilder()
                    .setNumber(t.getNumber())
                    .build());
            LocalDate day = received;
            for (TicketAction a : List.of(TicketAction.ACCEPT, TicketAction.START, TicketAction.RESOLVE)) {
                if (!t.getAllowedActionsList().contains(a)) {
                    continue;
                }
                // each step a few days after the previous one, within 2017 (never before the ticket was received)
                day = day.plusDays(random.nextInt(a == TicketAction.RESOLVE ? 4 : 2));
                if (day.isAfter(LAST_DAY)) {
                    day = LAST_DAY;
                }
                TransitionTicketRequest.Builder r = TransitionTicketRequest.newBuilder()
                        .setNumber(t.getNumber())
                        .setAction(a)
                        .setExpectedVersion(t.getVersion())
                        .setRequestId(
                                REQUEST_PREFIX + "hl-" + i + "-" + a.name().toLowerCase())
                        .setActedOn(day.toString());
                if (a == TicketAction.RESOLVE) {
                    r.setResult("已联系当事人并协调解决。（示例数据）");
                }
                t = agency().transitionTicket(r.build());
                sent++;
            }
        }
        return sent;
    }
}
