package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.config.Today;
import cn.gov.qinghai.enterprisecost.rules.SocialInsuranceContributions;
import cn.gov.qinghai.enterprisecost.v1.CheckLabourCostRequest;
import cn.gov.qinghai.enterprisecost.v1.EmployerContributions;
import cn.gov.qinghai.enterprisecost.v1.LabourCostCheck;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.CallerForwardingClientInterceptor;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ReconnectOnce;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labour-cost check of a payroll summary: employer contributions at the 青政〔2017〕43号 十三 rates, and whether the
 * lowest monthly wage meets the minimum wage in force, asked of the wage service over gRPC with a deadline and the
 * caller's identity forwarded (the minimum wage is the wage service's to answer, never copied here).
 */
@Singleton
public class LabourCostService {

    private static final Logger LOG = LoggerFactory.getLogger(LabourCostService.class);

    /** How long a retry after a lost connection waits for the wage service to be reachable again. */
    private static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

    private final WageServiceGrpc.WageServiceBlockingStub wage;
    private final ManagedChannel wageChannel;
    private final SocialInsuranceContributions contributions;
    private final Today today;
    private final Duration deadline;

    /**
     * @param wageChannel channel {@code grpc.channels.wage} (address from WAGE_GRPC_ADDRESS); the stub is built here
     *                    from the same channel so that a retry after a wage restart resets that channel's backoff
     *                    (Micronaut gives each injection point its own channel). Every call forwards the caller's
     *                    token and request id and carries a deadline.
     */
    public LabourCostService(
            @GrpcChannel("wage") ManagedChannel wageChannel,
            SocialInsuranceContributions contributions,
            Today today,
            @Value("${enterprise-cost.wage-deadline:3s}") Duration deadline) {
        this.wage =
                WageServiceGrpc.newBlockingStub(wageChannel).withInterceptors(new CallerForwardingClientInterceptor());
        this.wageChannel = wageChannel;
        this.contributions = contributions;
        this.today = today;
        this.deadline = deadline;
    }

    public LabourCostCheck check(CheckLabourCostRequest request) {
        FieldErrors errors = new FieldErrors();
        String region = errors.provinceOrPrefecture("region", request.getRegion());
        LocalDate date = Dates.orToday(errors, "date", request.getDate(), today);
        BigDecimal lowest = errors.decimal(
                "lowestMonthlyWage",
                request.getLowestMonthlyWage(),
                DecimalRule.positiveMoney().max("10000000"));
        int headcount = request.getHeadcount();
        errors.check(headcount >= 1 && headcount <= 1_000_000, "headcount", "must be between 1 and 1000000");
        BigDecimal payroll =
                errors.optionalDecimal("monthlyPayroll", request.getMonthlyPayroll(), DecimalRule.positiveMoney());
        BigDecimal workInjuryRate =
                errors.optionalDecimal("workInjuryRate", request.getWorkInjuryRate(), DecimalRule.rate());
        if (payroll != null
                && lowest != null
                && headcount >= 1
                && payroll.compareTo(lowest.multiply(BigDecimal.valueOf(headcount))) < 0) {
            errors.add("monthlyPayroll", "must be at least lowestMonthlyWage × headcount");
        }
        errors.throwIfAny();

        MinimumWage minimum = minimumWage(region, date);
        ExplanationBuilder why = new ExplanationBuilder();
        BigDecimal standard = new BigDecimal(minimum.getMonthly());
        boolean meets = lowest.compareTo(standard) >= 0;
        BigDecimal shortfall = Money.nonNegative(standard.subtract(lowest));
        why.step("最低工资标准（工资服务） / Minimum wage in force (wage service)")
                .formula("minimumMonthlyWage = WageService.GetMinimumWage(region, date).monthly")
                .input("region", region)
                .input("date", date)
                .result(minimum.getMonthly())
                .cite(Citation.of(
                        minimum.getCitation().getDocument(),
                        minimum.getCitation().getClause()))
                .add();
        why.step("是否达到最低工资 / Meets the minimum")
                .formula("meets = lowestMonthlyWage ≥ minimumMonthlyWage; shortfall = max(0, minimum − lowest)")
                .input("lowestMonthlyWage", lowest)
                .input("minimumMonthlyWage", minimum.getMonthly())
                .result(meets ? "true" : "false; shortfall " + Money.format(shortfall))
                .add();
        minimum.getExplanation().getCaveatsList().forEach(why::caveat);

        BigDecimal base = payroll;
        if (base == null) {
            base = lowest.multiply(BigDecimal.valueOf(headcount));
            why.caveat("未提供月工资总额，缴费基数按最低工资额×人数估算（下限）。 / No monthly payroll given: the base is "
                    + "lowestMonthlyWage × headcount, a lower bound.");
        }
        SocialInsuranceContributions.Contributions c = contributions.at2017Rates(base, workInjuryRate, date, why);
        return LabourCostCheck.newBuilder()
                .setRegion(region)
                .setDate(date.toString())
                .setMinimumMonthlyWage(minimum.getMonthly())
                .setMinimumWageCitation(minimum.getCitation())
                .setMeetsMinimumWage(meets)
                .setShortfallPerEmployee(Money.format(shortfall))
                .setContributions(EmployerContributions.newBuilder()
                        .setBase(Money.format(c.base()))
                        .setUnemployment(Money.format(c.unemployment()))
                        .setMaternity(Money.format(c.maternity()))
                        .setWorkInjury(Money.format(c.workInjury()))
                        .setTotal(Money.format(c.total())))
                .setExplanation(why.build())
                .build();
    }

    /** Asks the wage service; its user errors pass through, its absence is UNAVAILABLE. */
    private MinimumWage minimumWage(String region, LocalDate date) {
        try {
            // a lookup, so safe to try again once the channel has reconnected after a wage restart
            GetMinimumWageRequest lookup = GetMinimumWageRequest.newBuilder()
                    .setRegion(region)
                    .setDate(date.toString())
                    .build();
            return ReconnectOnce.call(wageChannel, wage, deadline, RECONNECT_WAIT, s -> s.getMinimumWage(lookup));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            switch (code) {
                case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION ->
                    throw ServiceException.of(
                            code,
                            "MINIMUM_WAGE_" + reason(e, code.name()),
                            "wage service: " + e.getStatus().getDescription());
                default -> {
                    LOG.warn(
                            "wage service call failed: {} {}",
                            code,
                            e.getStatus().getDescription());
                    throw ServiceException.of(
                            Status.Code.UNAVAILABLE,
                            "WAGE_SERVICE_UNAVAILABLE",
                            "the minimum wage could not be obtained from the wage service (" + code + "); try again");
                }
            }
        }
    }

    private static String reason(StatusRuntimeException e, String fallback) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status != null) {
            for (Any any : status.getDetailsList()) {
                if (any.is(ErrorInfo.class)) {
                    try {
                        return any.unpack(ErrorInfo.class).getReason();
                    } catch (InvalidProtocolBufferException ignored) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }
}
