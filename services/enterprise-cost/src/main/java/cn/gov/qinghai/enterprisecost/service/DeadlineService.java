package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.rules.ApprovalDeadline;
import cn.gov.qinghai.enterprisecost.v1.ComputeDeadlineRequest;
import cn.gov.qinghai.enterprisecost.v1.Deadline;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/** Public due-date computation on the official holiday calendar. */
@Singleton
public class DeadlineService {

    private static final int MAX_WORKING_DAYS = 250;

    private final ApprovalDeadline deadline;

    public DeadlineService(ApprovalDeadline deadline) {
        this.deadline = deadline;
    }

    public Deadline compute(ComputeDeadlineRequest request) {
        FieldErrors errors = new FieldErrors();
        LocalDate received = errors.date("receivedOn", request.getReceivedOn());
        int days = request.getWorkingDays();
        errors.check(
                days >= 0 && days <= MAX_WORKING_DAYS,
                "workingDays",
                "must be between 1 and " + MAX_WORKING_DAYS + " (0 = the statutory 15)");
        errors.throwIfAny();
        ApprovalDeadline.Due due = days == 0 ? deadline.due(received) : deadline.due(received, days, null);
        Deadline.Builder out = Deadline.newBuilder()
                .setReceivedOn(received.toString())
                .setWorkingDays(due.workingDays())
                .setDueOn(due.dueOn().toString())
                .setProvisional(due.provisional())
                .setExplanation(due.explanation());
        due.holidaysSkipped().forEach(d -> out.addHolidaysSkipped(d.toString()));
        due.adjustedWorkdaysCounted().forEach(d -> out.addAdjustedWorkdaysCounted(d.toString()));
        return out.build();
    }
}
