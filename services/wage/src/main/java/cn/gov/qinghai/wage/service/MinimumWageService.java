package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.rules.PolicyStandards;
import cn.gov.qinghai.wage.rules.StandardUse;
import cn.gov.qinghai.wage.rules.WageStandard;
import cn.gov.qinghai.wage.v1.GetMinimumWageRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryRequest;
import cn.gov.qinghai.wage.v1.ListMinimumWageHistoryResponse;
import cn.gov.qinghai.wage.v1.MinimumWage;
import cn.gov.qinghai.wage.v1.StandardSource;
import cn.gov.qinghai.wage.v1.StandardVersion;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Answers "what is the minimum wage here on this day", and the history of a region's standards. */
@Singleton
public class MinimumWageService {

    private final StandardBook book;
    private final PolicyStandards policy;

    public MinimumWageService(StandardBook book, PolicyStandards policy) {
        this.book = book;
        this.policy = policy;
    }

    public MinimumWage get(GetMinimumWageRequest request) {
        FieldErrors errors = new FieldErrors();
        String region = errors.provinceOrPrefecture("region", request.getRegion());
        LocalDate date = errors.date("date", request.getDate());
        errors.throwIfAny();

        StandardBook.InForce found = book.inForce(region, date);
        WageStandard s = found.standard();
        StandardUse use = new StandardUse(s, found.policy());

        ExplanationBuilder why = new ExplanationBuilder();
        ExplanationBuilder.Step step = why.step("施行中的最低工资标准 / Minimum wage standard in force")
                .formula("the standard applying to the region with the latest effective date on or before the date")
                .input("region", region + " " + Regions.nameZh(region))
                .input("date", date);
        use.addParameters(step, why, true, true);
        step.result("monthly " + Money.format(s.monthly()) + " CNY/month; hourly " + Money.format(s.hourly())
                        + " CNY/hour")
                .cite(s.citation())
                .add();
        why.step("适用范围 / Who it applies to")
                .formula("monthly standard → full-time employees (全日制); hourly standard → part-time employees (非全日制)")
                .cite(policy.employmentScope())
                .add();
        book.history(region).stream()
                .filter(next ->
                        next.effectiveFrom() != null && next.effectiveFrom().isAfter(date))
                .findFirst()
                .ifPresent(next -> why.caveat(
                        "自" + next.effectiveFrom() + "起由" + next.citation().shortText()
                                + "所定标准取代。 / Superseded from " + next.effectiveFrom() + " by "
                                + next.citation().shortText()
                                + "."));
        return MinimumWage.newBuilder()
                .setRegion(region)
                .setRegionName(Regions.nameZh(region))
                .setDate(date.toString())
                .setMonthly(Money.format(s.monthly()))
                .setHourly(Money.format(s.hourly()))
                .setEffectiveFrom(s.effectiveFromText())
                .setStartUnknown(s.startUnknown())
                .setCitation(s.citation().toProto())
                .setSource(s.source())
                .setExplanation(why.build())
                .build();
    }

    public ListMinimumWageHistoryResponse history(ListMinimumWageHistoryRequest request) {
        FieldErrors errors = new FieldErrors();
        String region = errors.provinceOrPrefecture("region", request.getRegion());
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();

        List<WageStandard> history = book.history(region);
        List<StandardVersion> versions = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            WageStandard s = history.get(i);
            String to = i + 1 < history.size() && history.get(i + 1).effectiveFrom() != null
                    ? history.get(i + 1).effectiveFrom().minusDays(1).toString()
                    : "";
            StandardVersion.Builder v = StandardVersion.newBuilder()
                    .setEffectiveFrom(s.effectiveFromText())
                    .setStartUnknown(s.startUnknown())
                    .setEffectiveTo(to)
                    .setMonthly(Money.format(s.monthly()))
                    .setHourly(Money.format(s.hourly()))
                    .setCitation(s.citation().toProto())
                    .setSource(s.source());
            if (s.source() == StandardSource.PUBLISHED) {
                v.setPublishedBy(s.publishedBy()).setPublishedAt(s.publishedAt().toString());
            }
            versions.add(v.build());
        }
        List<StandardVersion> slice = window.slice(versions);
        return ListMinimumWageHistoryResponse.newBuilder()
                .setRegion(region)
                .addAllVersions(slice)
                .setTotalSize(versions.size())
                .setNextPageToken(window.nextToken(versions.size()))
                .build();
    }
}
