package cn.gov.qinghai.demodata;

import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.GrantConsentRequest;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc.HealthDataServiceBlockingStub;
import cn.gov.qinghai.health.v1.RecordEncounterRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.ReportInfectiousCaseRequest;
import cn.gov.qinghai.health.v1.SearchEncountersRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Residents in every county (registered by a province registrar, with a signed paper consent for the demo hospital),
 * their 2017 encounters, and infectious-disease case reports. Volumes are chosen so that the open statistics'
 * usual views (prefecture × sex, county × sex, prefecture × age band, quarter) have at least 5 encounters per cell,
 * i.e. are mostly not suppressed.
 */
final class HealthDemo implements DemoDomain {

    static final String REGISTRAR = "demo-data-health-registrar";
    static final String HOSPITAL = "demo-data-hospital";
    static final String HOSPITAL_ORG = "qinghai-demo-hospital";
    static final String CDC = "cdc-province";
    /** Residents per county: 43 counties × 14 ≈ 600 residents, ≈ 1,700 encounters. */
    private static final int RESIDENTS_PER_COUNTY = 14;
    /** The last record of a load, looked for by {@link #loaded()}. */
    private static final String LAST_DIAGNOSIS = "Z00.0";

    private static final LocalDate LAST_DAY = LocalDate.of(2017, 12, 31);

    private record Diagnosis(String code, String name, EncounterType type, int minCost, int maxCost) {}

    private static final List<Diagnosis> DIAGNOSES = List.of(
            new Diagnosis("J06.9", "急性上呼吸道感染", EncounterType.OUTPATIENT, 60, 400),
            new Diagnosis("I10", "原发性高血压", EncounterType.OUTPATIENT, 80, 600),
            new Diagnosis("E11.9", "2型糖尿病", EncounterType.OUTPATIENT, 100, 800),
            new Diagnosis("K29.7", "胃炎", EncounterType.OUTPATIENT, 80, 500),
            new Diagnosis("J18.9", "肺炎", EncounterType.INPATIENT, 3000, 15000),
            new Diagnosis("I63.9", "脑梗死", EncounterType.INPATIENT, 8000, 40000),
            new Diagnosis("S52.5", "桡骨下端骨折", EncounterType.EMERGENCY, 1500, 9000));

    private record Notifiable(String code, String classification) {}

    private static final List<Notifiable> NOTIFIABLE = List.of(
            new Notifiable("A09", "CLINICAL"),
            new Notifiable("B01.9", "CLINICAL"),
            new Notifiable("J11.1", "CONFIRMED"),
            new Notifiable("A15.0", "CONFIRMED"),
            new Notifiable("B16.9", "CONFIRMED"));

    private final Connections connections;
    private final Random random;
    private final People people;

    HealthDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0x4EA17DL);
        this.people = new People(random);
    }

    @Override
    public String service() {
        return "health-data";
    }

    private HealthDataServiceBlockingStub stub(String client) {
        return HealthDataServiceGrpc.newBlockingStub(connections.channel(service()))
                .withCallCredentials(connections.as(client))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public boolean loaded() {
        return stub(HOSPITAL)
                        .searchEncounters(SearchEncountersRequest.newBuilder()
                                .setPurpose("treatment")
                                .setDiagnosisPrefix(LAST_DIAGNOSIS)
                                .setFrom(LAST_DAY.toString())
                                .setTo(LAST_DAY.toString())
                                .setPageSize(1)
                                .build())
                        .getTotalSize()
                > 0;
    }

    @Override
    public int load() {
        int sent = 0;
        int n = 0;
        String first = null;
        String firstRegion = null;
        for (Counties.County county : Counties.ALL) {
            for (int i = 0; i < RESIDENTS_PER_COUNTY; i++, n++) {
                int age = ageDrawn();
                boolean male = i % 2 == 0;
                String id = people.newId(county.code(), age, male);
                String key = REQUEST_PREFIX + "hd-" + n;
                stub(REGISTRAR)
                        .registerResident(RegisterResidentRequest.newBuilder()
                                .setRequestId(key + "-r")
                                .setIdentityNumber(id)
                                .setName(people.name())
                                .setRegion(county.code())
                                .build());
                stub(REGISTRAR)
                        .grantConsent(GrantConsentRequest.newBuilder()
                                .setRequestId(key + "-c")
                                .setIdentityNumber(id)
                                .setOrganisation(HOSPITAL_ORG)
                                .setPurpose("treatment")
                                .setValidFrom("2017-01-01")
                                .build());
                sent += 2;
                if (first == null) {
                    first = id;
                    firstRegion = county.code();
                }
                int visits = 2 + random.nextInt(3);
                for (int v = 0; v < visits; v++) {
                    Diagnosis d = DIAGNOSES.get(random.nextInt(DIAGNOSES.size()));
                    LocalDate start = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(360));
                    LocalDate end =
                            d.type() == EncounterType.INPATIENT ? start.plusDays(3 + random.nextInt(10)) : start;
                    int cost = d.minCost() + random.nextInt(d.maxCost() - d.minCost());
                    int selfPaid = cost * (20 + random.nextInt(30)) / 100;
                    stub(HOSPITAL)
                            .recordEncounter(RecordEncounterRequest.newBuilder()
                                    .setRequestId(key + "-e" + v)
                                    .setIdentityNumber(id)
                                    .setPurpose("treatment")
                                    .setType(d.type())
                                    .setStartDate(start.toString())
                                    .setEndDate(end.toString())
                                    .setRegion(county.code())
                                    .setDiagnosisCode(d.code())
                                    .setDiagnosisName(d.name())
                                    .setTotalCost(cost + ".00")
                                    .setSelfPaid(selfPaid + ".00")
                                    .build());
                    sent++;
                }
                if (random.nextInt(4) == 0) {
                    Notifiable c = NOTIFIABLE.get(random.nextInt(NOTIFIABLE.size()));
                    LocalDate onset = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(355));
                    stub(CDC)
                            .reportInfectiousCase(ReportInfectiousCaseRequest.newBuilder()
                                    .setRequestId(key + "-i")
                                    .setIdentityNumber(id)
                                    .setDiseaseCode(c.code())
                                    .setClassification(c.classification())
                                    .setOnsetDate(onset.toString())
                                    .setDiagnosisDate(
                                            onset.plusDays(random.nextInt(4)).toString())
                                    .setCounty(county.code())
                                    .build());
                    sent++;
                }
            }
        }
        // the marker loaded() looks for, sent last
        stub(HOSPITAL)
                .recordEncounter(RecordEncounterRequest.newBuilder()
                        .setRequestId(REQUEST_PREFIX + "hd-last")
                        .setIdentityNumber(first)
                        .setPurpose("treatment")
                        .setType(EncounterType.OUTPATIENT)
                        .setStartDate(LAST_DAY.toString())
                        .setEndDate(LAST_DAY.toString())
                        .setRegion(firstRegion)
                        .setDiagnosisCode(LAST_DIAGNOSIS)
                        .setDiagnosisName("一般健康检查")
                        .setTotalCost("120.00")
                        .setSelfPaid("0.00")
                        .build());
        return sent + 1;
    }

    /** Ages spread over the statistics' bands (0–4, 5–14, 15–44, 45–64, 65+), adults weighted as in a clinic. */
    private int ageDrawn() {
        int band = random.nextInt(10);
        if (band == 0) {
            return 1 + random.nextInt(4);
        } else if (band <= 2) {
            return 5 + random.nextInt(10);
        } else if (band <= 5) {
            return 18 + random.nextInt(27);
        } else if (band <= 8) {
            return 45 + random.nextInt(20);
        }
        return 65 + random.nextInt(20);
    }
}
