package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.TemporaryAssistanceRepository;
import cn.gov.qinghai.dibao.data.TemporaryAssistanceRow;
import cn.gov.qinghai.dibao.v1.ApproveTemporaryAssistanceRequest;
import cn.gov.qinghai.dibao.v1.TemporaryAssistance;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary assistance (临时救助, 青政办〔2017〕86号 二(四)): a county approver may approve up to the county limit,
 * a township reviewer entrusted by the county up to the township limit (limits in
 * {@code parameters/temporary_assistance_limits.yaml}). An amount above the caller's limit is refused with the
 * limit; it is never capped. A county approver's higher limit wins when a caller holds both roles.
 */
@Singleton
public class TemporaryAssistanceService {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryAssistanceService.class);

    private final TemporaryAssistanceRepository grants;
    private final PolicyParameter limits;
    private final Clock clock;

    public TemporaryAssistanceService(TemporaryAssistanceRepository grants, ParameterRegistry parameters, Clock clock) {
        this.grants = grants;
        this.limits = parameters.get("dibao.temporary_assistance_limits");
        this.clock = clock;
    }

    @Transactional
    public TemporaryAssistance approve(ApproveTemporaryAssistanceRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String county = Counties.county(errors, "county", request.getCounty());
        String township = errors.text("township", request.getTownship(), 100);
        String name = errors.text("beneficiaryName", request.getBeneficiaryName(), 50);
        ResidentId.problem(request.getBeneficiaryIdNumber(), today)
                .ifPresent(p -> errors.add("beneficiaryIdNumber", p));
        BigDecimal amount = errors.decimal(
                "amount", request.getAmount(), DecimalRule.positiveMoney().max("100000000"));
        String reason = errors.text("reason", request.getReason(), FieldErrors.MAX_TEXT);
        String entrustment = errors.optionalText("entrustment", request.getEntrustment(), 200);
        boolean county_level = caller.hasRole(Roles.COUNTY_APPROVER);
        if (!county_level && entrustment == null) {
            errors.add(
                    "entrustment", "is required for a township approval: the county's entrustment (受县级民政部门委托, 二(四))");
        }
        errors.throwIfAny();
        caller.requireRegion(county);
        String hash =
                CaseService.hash(request.toBuilder().clearRequestId().build().toByteArray());

        Optional<TemporaryAssistance> replay = byRequestId(requestId, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        ParameterValue limitValue = limits.at(today);
        String level = county_level ? "COUNTY" : "TOWNSHIP";
        BigDecimal limit = limitValue.decimal(county_level ? "countyMaxInclusive" : "townshipMaxInclusive");
        if (amount.compareTo(limit) > 0) {
            throw ServiceException.permissionDenied(
                            "APPROVAL_LIMIT_EXCEEDED",
                            "amount " + Money.format(amount)
                                    + " is above the " + level.toLowerCase() + " approval limit of "
                                    + Money.format(limit)
                                    + " yuan (青政办〔2017〕86号 二(四))"
                                    + (county_level
                                            ? ""
                                            : "; a county approver may approve up to "
                                                    + Money.format(limitValue.decimal("countyMaxInclusive"))))
                    .withMetadata(Map.of("limit", Money.format(limit), "level", level));
        }
        Instant now = clock.instant();
        Optional<Long> id = Optional.ofNullable(grants.insert(
                requestId,
                hash,
                county,
                township,
                name,
                request.getBeneficiaryIdNumber(),
                Money.yuan(amount),
                reason,
                level,
                limit,
                entrustment == null ? "" : entrustment,
                caller.subject(),
                now));
        if (id.isEmpty()) {
            return byRequestId(requestId, hash).orElseThrow();
        }
        LOG.info(
                "temporary assistance {} of {} for {} approved at {} level by {}",
                id.get(),
                Money.format(amount),
                ResidentId.mask(request.getBeneficiaryIdNumber()),
                level,
                caller.subject());
        return byRequestId(requestId, hash).orElseThrow();
    }

    private Optional<TemporaryAssistance> byRequestId(String requestId, String hash) {
        return grants.findByRequestId(requestId).map(r -> {
            if (!r.payloadHash().equals(hash)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different grant");
            }
            return toProto(r);
        });
    }

    private TemporaryAssistance toProto(TemporaryAssistanceRow r) {
        return TemporaryAssistance.newBuilder()
                .setId(String.valueOf(r.id()))
                .setRequestId(r.requestId())
                .setCounty(r.county())
                .setTownship(r.township())
                .setBeneficiaryNameMasked(ResidentId.maskName(r.beneficiaryName()))
                .setBeneficiaryIdMasked(ResidentId.mask(r.beneficiaryIdNumber()))
                .setAmount(Money.format(r.amount()))
                .setReason(r.reason())
                .setApprovalLevel(r.approvalLevel())
                .setApprovalLimit(Money.format(r.approvalLimit()))
                .setApprovedBy(r.approvedBy())
                .setApprovedAt(r.approvedAt().toString())
                .setCitation(limits.at(LocalDate.now(clock)).citation().toProto())
                .build();
    }
}
