package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.ActualRepository;
import cn.gov.qinghai.broadband.data.ActualRow;
import cn.gov.qinghai.broadband.data.ActualStore;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * Records a monthly actual of an indicator or consumption node (role {@code broadband:admin}): validated, idempotent
 * on the request id, append-only (a later value for the same month is a new revision). Callers own the transaction.
 */
@Singleton
class ActualRecorder {

    /** Parsed request and whether it replays an earlier one. */
    record Recorded(ActualRow row, boolean replayed) {}

    private final ActualRepository actuals;
    private final ActualStore store;
    private final ReportingRules rules;
    private final Clock clock;

    ActualRecorder(ActualRepository actuals, ActualStore store, ReportingRules rules, Clock clock) {
        this.actuals = actuals;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    Recorded record(
            String kind,
            String subjectField,
            String subjectId,
            Set<String> known,
            String notFoundReason,
            String requestIdIn,
            String monthIn,
            String valueIn,
            String noteIn) {
        Caller caller = Caller.current().requireAnyRole(Access.ADMIN);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", requestIdIn, 64);
        errors.text(subjectField, subjectId, 64);
        YearMonth month = Months.required(errors, "month", monthIn, rules);
        BigDecimal value = errors.decimal("value", valueIn, DecimalRule.money().scale(4));
        String note = Objects.requireNonNullElse(errors.optionalText("note", noteIn, FieldErrors.MAX_TEXT), "");
        errors.throwIfAny();
        if (!known.contains(subjectId)) {
            throw ServiceException.notFound(
                    notFoundReason, "no " + subjectField + " " + subjectId + "; known: " + known);
        }
        var existing = actuals.findByRequestId(requestId);
        if (existing.isPresent()) {
            ActualRow r = existing.get();
            if (!r.kind().equals(kind)
                    || !r.subjectId().equals(subjectId)
                    || !r.month().equals(month)
                    || r.value().compareTo(value) != 0
                    || !r.note().equals(note)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different value");
            }
            return new Recorded(r, true);
        }
        store.lockSubject(kind, subjectId);
        int revision = actuals.nextRevision(kind, subjectId, month);
        long id = actuals.save(new ActualRow(
                        null,
                        requestId,
                        kind,
                        subjectId,
                        month,
                        revision,
                        value,
                        note,
                        caller.subject(),
                        clock.instant()))
                .id();
        // read back: the stored row, as a replay would see it (recorded_at at the column's precision)
        return new Recorded(actuals.findById(id).orElseThrow(), false);
    }
}
