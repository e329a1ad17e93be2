package cn.gov.qinghai.demodata;

import cn.gov.qinghai.retail.v1.GetTraceRequest;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.Outlet;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RecordTraceEventRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc.RetailServiceBlockingStub;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import cn.gov.qinghai.retail.v1.TraceEventType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Three made-up enterprises (a dairy producer, a supermarket chain, a cold-chain carrier; their department clients
 * are in oidc-clients.yaml with these credit codes), the chain's outlets in every prefecture, 2017 batches traced
 * from production to sale ({@code /retail?batch=QH-DEMO-2017-001}), and a temperature log per frozen shipment with
 * one excursion.
 */
final class RetailDemo implements DemoDomain {

    static final String COMMERCE = "commerce-province";
    static final String PRODUCER = "demo-data-retail-producer";
    static final String CHAIN = "demo-data-retail-chain";
    static final String CARRIER = "demo-data-retail-carrier";
    static final String PRODUCER_CODE = "91630100MA0000D01D";
    static final String CHAIN_CODE = "91630100MA0000D02G";
    static final String CARRIER_CODE = "91630100MA0000D03K";
    static final int BATCHES = 12;
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final Connections connections;
    private final Random random;

    RetailDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0x5E7A11L);
    }

    @Override
    public String service() {
        return "retail";
    }

    private RetailServiceBlockingStub stub(String client) {
        return RetailServiceGrpc.newBlockingStub(connections.channel(service()))
                .withCallCredentials(connections.as(client))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    static String batch(int i) {
        return String.format("QH-DEMO-2017-%03d", i);
    }

    @Override
    public boolean loaded() {
        try {
            // the last batch's last event is the last record of a load
            var trace = RetailServiceGrpc.newBlockingStub(connections.channel(service()))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getTrace(GetTraceRequest.newBuilder()
                            .setBatchCode(batch(BATCHES))
                            .build());
            return trace.getEventsList().stream().anyMatch(e -> e.getType() == TraceEventType.SOLD);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int load() throws InterruptedException {
        int sent = 0;
        sent += enterprise(PRODUCER_CODE, "青海示例乳业有限公司（示例数据）", false);
        sent += enterprise(CHAIN_CODE, "青海示例连锁超市有限公司（示例数据）", true);
        sent += enterprise(CARRIER_CODE, "青海示例冷链物流有限公司（示例数据）", false);
        List<Outlet> outlets = new ArrayList<>();
        int n = 0;
        for (Counties.County c : Counties.ALL) {
            // one outlet per county seat of every prefecture, two in Xining's districts
            if (!c.code().startsWith("6301") && !c.code().equals(firstOf(c.prefecture()))) {
                continue;
            }
            outlets.add(stub(COMMERCE)
                    .registerOutlet(RegisterOutletRequest.newBuilder()
                            .setRequestId(REQUEST_PREFIX + "rt-o-" + c.code())
                            .setEnterpriseCreditCode(CHAIN_CODE)
                            .setName("示例连锁超市" + c.name() + "店")
                            .setRegion(c.code())
                            .setFormat(n++ % 3 == 0 ? "community_supermarket" : "supermarket")
                            .setAddress(c.name() + "人民路" + (10 + n) + "号")
                            .setLicenceMode(LicenceMode.HQ_LICENCE_FILING)
                            .build()));
            sent++;
        }
        String[] products = {"牦牛酸奶", "牦牛鲜奶", "冷冻牦牛肉", "藏羊肉（冷冻）"};
        for (int i = 1; i <= BATCHES; i++) {
            String code = batch(i);
            String product = products[i % products.length];
            boolean frozen = product.contains("冷冻");
            OffsetDateTime produced =
                    OffsetDateTime.of(2017, 6 + (i - 1) / 2, 1 + random.nextInt(20), 8, 0, 0, 0, BEIJING);
            Outlet outlet = outlets.get(random.nextInt(outlets.size()));
            String key = REQUEST_PREFIX + "rt-" + code + "-";
            stub(PRODUCER)
                    .recordTraceEvent(RecordTraceEventRequest.newBuilder()
                            .setRequestId(key + "p")
                            .setBatchCode(code)
                            .setType(TraceEventType.PRODUCED)
                            .setOccurredAt(produced.toString())
                            .setProduct(product)
                            .setQuantity((200 + random.nextInt(800)) + " kg")
                            .build());
            stub(PRODUCER)
                    .recordTraceEvent(RecordTraceEventRequest.newBuilder()
                            .setRequestId(key + "s")
                            .setBatchCode(code)
                            .setType(TraceEventType.SHIPPED)
                            .setOccurredAt(produced.plusHours(6).toString())
                            .setCounterparty(CHAIN_CODE)
                            .build());
            sent += 2;
            if (frozen) {
                sent += coldChain(code, produced.plusHours(6));
            }
            stub(CHAIN)
                    .recordTraceEvent(RecordTraceEventRequest.newBuilder()
                            .setRequestId(key + "r")
                            .setBatchCode(code)
                            .setType(TraceEventType.RECEIVED)
                            .setOccurredAt(produced.plusHours(30).toString())
                            .setCounterparty(PRODUCER_CODE)
                            .setOutletId(outlet.getId())
                            .build());
            stub(CHAIN)
                    .recordTraceEvent(RecordTraceEventRequest.newBuilder()
                            .setRequestId(key + "d")
                            .setBatchCode(code)
                            .setType(TraceEventType.SOLD)
                            .setOccurredAt(produced.plusDays(3).toString())
                            .setOutletId(outlet.getId())
                            .build());
            sent += 2;
        }
        return sent;
    }

    private static String firstOf(String prefecture) {
        return Counties.ALL.stream()
                .filter(c -> c.prefecture().equals(prefecture))
                .findFirst()
                .orElseThrow()
                .code();
    }

    private int enterprise(String code, String name, boolean chain) {
        try {
            stub(COMMERCE)
                    .registerEnterprise(RegisterEnterpriseRequest.newBuilder()
                            .setCreditCode(code)
                            .setName(name)
                            .setRegion("630100")
                            .setChain(chain)
                            .setHqLicenceNumber(chain ? "630100-DEMO-HQ" : "")
                            .build());
        } catch (StatusRuntimeException e) {
            if (!Connections.alreadyExists(e)) {
                throw e;
            }
        }
        return 1;
    }

    /** A frozen shipment's log: a reading every 30 minutes for a day, −19 to −21 °C, one hour above −18 °C. */
    private int coldChain(String batch, OffsetDateTime departed) throws InterruptedException {
        String shipment = "SHIP-" + batch;
        try {
            stub(CARRIER)
                    .registerShipment(RegisterShipmentRequest.newBuilder()
                            .setShipmentCode(shipment)
                            .setProductClass("frozen")
                            .setBatchCode(batch)
                            .build());
        } catch (StatusRuntimeException e) {
            if (!Connections.alreadyExists(e)) {
                throw e;
            }
        }
        StreamReadingsRequest.Builder chunk = StreamReadingsRequest.newBuilder().setShipmentCode(shipment);
        int excursionAt = 10 + random.nextInt(20);
        for (int i = 0; i < 48; i++) {
            double celsius = i == excursionAt || i == excursionAt + 1
                    ? -16.5 + random.nextDouble()
                    : -21 + random.nextDouble() * 2;
            chunk.addReadings(Reading.newBuilder()
                    .setRecordedAt(departed.plusMinutes(30L * i).toString())
                    .setCelsius(BigDecimal.valueOf(celsius)
                            .setScale(1, RoundingMode.HALF_UP)
                            .toPlainString()));
        }
        ClientStream.<StreamReadingsRequest, IngestSummary>call(
                answer -> RetailServiceGrpc.newStub(connections.channel(service()))
                        .withCallCredentials(connections.as(CARRIER))
                        .withDeadlineAfter(30, TimeUnit.SECONDS)
                        .streamReadings(answer),
                List.of(chunk.build()),
                30,
                "readings of " + shipment);
        return 2;
    }
}
