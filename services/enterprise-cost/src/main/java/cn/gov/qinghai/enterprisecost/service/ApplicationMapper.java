package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.enterprisecost.data.ApplicationEventRepository;
import cn.gov.qinghai.enterprisecost.data.ApplicationRow;
import cn.gov.qinghai.enterprisecost.rules.ApprovalDeadline;
import cn.gov.qinghai.enterprisecost.v1.Application;
import cn.gov.qinghai.enterprisecost.v1.ApplicationEvent;
import cn.gov.qinghai.enterprisecost.v1.ApplicationKind;
import cn.gov.qinghai.enterprisecost.v1.ApplicationStatus;
import cn.gov.qinghai.kit.money.Money;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.LocalDate;

/** Rows to messages, with the clock-dependent fields (overdue, working days elapsed) judged on a given day. */
final class ApplicationMapper {

    private final ApplicationEventRepository events;
    private final ApprovalDeadline deadline;

    ApplicationMapper(ApplicationEventRepository events, ApprovalDeadline deadline) {
        this.events = events;
        this.deadline = deadline;
    }

    Application toProto(ApplicationRow row, LocalDate today) {
        LocalDate until = row.decidedOn() != null ? row.decidedOn() : today;
        Application.Builder a = Application.newBuilder()
                .setId(String.valueOf(row.id()))
                .setRequestId(row.requestId())
                .setKind(ApplicationKind.valueOf(row.kind()))
                .setCalculatorId(row.calculatorId())
                .setEnterpriseCreditCode(row.enterpriseCreditCode())
                .setApplicantName(row.applicantName())
                .setRegion(row.region())
                .putAllInputs(InputsJson.read(row.inputsJson()))
                .setClaimedAmount(Money.format(row.claimedAmount()))
                .setStatus(ApplicationStatus.valueOf(row.status()))
                .setReceivedOn(row.receivedOn().toString())
                .setDueOn(row.dueOn().toString())
                .setDueDateProvisional(row.dueProvisional())
                .setOverdue(until.isAfter(row.dueOn()))
                .setWorkingDaysElapsed(deadline.workingDaysBetween(row.receivedOn(), until))
                .setDecisionNote(row.decisionNote())
                .setDecidedBy(row.decidedBy())
                .setSubmittedBy(row.submittedBy())
                .setVersion(row.version());
        if (row.approvedAmount() != null) {
            a.setApprovedAmount(Money.format(row.approvedAmount()));
        }
        if (row.decidedOn() != null) {
            a.setDecidedOn(row.decidedOn().toString());
        }
        try {
            a.setExplanation(Explanation.parseFrom(row.explanation()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored explanation of application " + row.id() + " is unreadable", e);
        }
        events.findByApplicationIdOrderByIdAsc(row.id())
                .forEach(e -> a.addEvents(ApplicationEvent.newBuilder()
                        .setStatus(ApplicationStatus.valueOf(e.status()))
                        .setActor(e.actor())
                        .setAt(e.at().toString())
                        .setNote(e.note())));
        return a.build();
    }
}
