package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.GetMajorMedicalExpensesRequest;
import cn.gov.qinghai.health.v1.MajorMedicalExpenses;
import cn.gov.qinghai.health.v1.MedicalExpenseItem;
import cn.gov.qinghai.healthdata.data.EncounterRepository;
import cn.gov.qinghai.healthdata.data.ResidentRepository;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.rules.MajorMedicalExpense;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one call the dibao service makes (核对, 86号 二(二)): a household member's major medical expenses in a year.
 * Only role dibao:verifier with purpose "dibao-verification", and only for a resident whose recorded region the
 * verifier's region scope covers; every call is audited with the dibao case reference, denials included. A person without a health record gets records_found = false and total "0.00", so the
 * verifier can tell "no expenses known" from "no expenses".
 */
@Singleton
public class DibaoExpenseService {

    public static final String PURPOSE = "dibao-verification";
    public static final String ROLE = "dibao:verifier";

    private final EncounterRepository encounters;
    private final ResidentRepository residents;
    private final AuditTrail audit;
    private final ParameterRegistry parameters;
    private final Clock clock;

    public DibaoExpenseService(
            EncounterRepository encounters,
            ResidentRepository residents,
            AuditTrail audit,
            ParameterRegistry parameters,
            Clock clock) {
        this.encounters = encounters;
        this.residents = residents;
        this.audit = audit;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public MajorMedicalExpenses get(GetMajorMedicalExpensesRequest request) {
        Caller caller = Caller.current();
        if (caller.isAnonymous()) {
            throw cn.gov.qinghai.kit.grpc.ServiceException.unauthenticated("a bearer token is required");
        }
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String identity = RecordService.identity(errors, "identityNumber", request.getIdentityNumber(), today);
        errors.check(request.getYear() >= 2000 && request.getYear() <= 2100, "year", "must be between 2000 and 2100");
        String caseReference = errors.optionalText("caseReference", request.getCaseReference(), 64);
        errors.check(!request.getPurpose().isEmpty(), "purpose", "is required (\"" + PURPOSE + "\")");
        errors.throwIfAny();
        String detail = "year=" + request.getYear() + " case=" + (caseReference == null ? "" : caseReference);
        Optional<ResidentRow> resident = residents.findByIdentityNumber(identity);
        if (!caller.hasRole(ROLE) || !PURPOSE.equals(request.getPurpose())) {
            audit.append(Event.denied(
                            request.getPurpose(),
                            "READ",
                            "medical-expenses",
                            ResidentId.mask(identity),
                            resident.map(ResidentRow::id).orElse(null),
                            "requires role " + ROLE + " and purpose " + PURPOSE)
                    .withDetail(detail));
            throw AccessDenied.purpose(request.getPurpose());
        }
        if (resident.isPresent() && !caller.covers(resident.get().region())) {
            // A county's verifier checks the households of that county: a resident recorded elsewhere is outside
            // their authority. Dibao records the member as "not consulted", which a verifier can see and act on.
            audit.append(Event.denied(
                            PURPOSE,
                            "READ",
                            "medical-expenses",
                            ResidentId.mask(identity),
                            resident.get().id(),
                            "resident's region " + resident.get().region() + " is outside the caller's region "
                                    + caller.region())
                    .withDetail(detail));
            throw AccessDenied.record();
        }
        LocalDate from = LocalDate.of(request.getYear(), 1, 1);
        ExplanationBuilder why = new ExplanationBuilder();
        MajorMedicalExpense.Result result = MajorMedicalExpense.compute(
                resident.map(r -> encounters.findByResidentIdAndStartDateBetweenOrderByStartDateAscAndIdAsc(
                                r.id(), from, from.plusYears(1).minusDays(1)))
                        .orElse(List.of()),
                // The definition in force on the day of the verification (86号 in force 2017-06-16), not on the
                // first day of the expense year: a verification counts past expenses by today's rule.
                parameters.get(MajorMedicalExpense.PARAMETER).at(today),
                why);
        if (resident.isEmpty()) {
            why.caveat("No health record is held for this person; 0.00 means nothing is known, not nothing spent.");
        }
        MajorMedicalExpenses.Builder out = MajorMedicalExpenses.newBuilder()
                .setIdentityNumber(ResidentId.mask(identity))
                .setYear(request.getYear())
                .setRecordsFound(resident.isPresent())
                .setTotal(Money.format(result.total()))
                .setExplanation(why.build());
        for (MajorMedicalExpense.Item item : result.items()) {
            var e = item.encounter();
            out.addItems(MedicalExpenseItem.newBuilder()
                    .setDate(e.startDate().toString())
                    .setDiagnosisCode(e.diagnosisCode())
                    .setDiagnosisName(e.diagnosisName())
                    .setType(EncounterType.valueOf(e.type()))
                    .setTotalCost(Money.format(e.totalCost()))
                    .setSelfPaid(Money.format(e.selfPaid()))
                    .setReason(item.reason()));
        }
        audit.append(Event.granted(
                        PURPOSE,
                        "READ",
                        "medical-expenses",
                        resident.map(r -> r.id().toString()).orElse(ResidentId.mask(identity)),
                        resident.map(ResidentRow::id).orElse(null))
                .withDetail(detail + " total=" + out.getTotal()));
        return out.build();
    }
}
