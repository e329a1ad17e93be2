package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.data.PublishedStandardRepository;
import cn.gov.qinghai.wage.data.PublishedStandardRow;
import cn.gov.qinghai.wage.rules.PolicyStandards;
import cn.gov.qinghai.wage.rules.WageStandard;
import cn.gov.qinghai.wage.v1.StandardSource;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every minimum-wage standard: those of the policy documents plus those published at run time. For a region and
 * date the standard in force is the applicable one with the latest start on or before the date; a publication for
 * the province (630000) applies to every prefecture, one for a prefecture only there.
 * Published rows are append-only, so a snapshot may be cached for {@code wage.standards-cache-ttl}.
 */
@Singleton
public class StandardBook {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StandardBook.class);

    private final PolicyStandards policy;
    private final PublishedStandardRepository published;
    private final long ttlNanos;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.Executor reloader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "published-standards-reload");
        t.setDaemon(true);
        return t;
    });

    public StandardBook(
            PolicyStandards policy,
            PublishedStandardRepository published,
            @Value("${wage.standards-cache-ttl:2s}") Duration ttl) {
        this.policy = policy;
        this.published = published;
        this.ttlNanos = ttl.toNanos();
    }

    /** The standard in force for {@code region} on {@code date}, with the policy pair when it comes from the files. */
    public InForce inForce(String region, LocalDate date) {
        Optional<WageStandard> newestPublished = publishedFor(region).stream()
                .filter(s -> s.startsOnOrBefore(date))
                .reduce((a, b) -> b);
        PolicyStandards.Pair fromPolicy = null;
        ParameterLookupException policyGap = null;
        try {
            fromPolicy = policy.at(date, region);
        } catch (ParameterLookupException e) {
            policyGap = e;
        }
        if (newestPublished.isPresent()) {
            WageStandard p = newestPublished.get();
            boolean policyIsNewer = fromPolicy != null
                    && fromPolicy.monthly().entry().from() != null
                    && fromPolicy.monthly().entry().from().isAfter(p.effectiveFrom());
            if (!policyIsNewer) {
                return new InForce(p, null);
            }
        }
        if (fromPolicy == null) {
            throw policyGap;
        }
        return new InForce(fromPolicy.toStandard(), fromPolicy);
    }

    /** Every standard that has applied to {@code region}, oldest first. */
    public List<WageStandard> history(String region) {
        List<WageStandard> all = new ArrayList<>(policy.historyFor(region));
        all.addAll(publishedFor(region));
        all.sort(Comparator.comparing(WageStandard::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    /** The newest start date of any standard applying to {@code region} (all regions for the province). */
    public LocalDate newestStart(String region) {
        List<String> regions = Regions.PROVINCE.equals(region)
                ? Regions.provinceAndPrefectures().stream().map(r -> r.code()).toList()
                : List.of(region);
        LocalDate newest = LocalDate.MIN;
        for (String r : regions) {
            for (WageStandard s : history(r)) {
                if (s.effectiveFrom() != null && s.effectiveFrom().isAfter(newest)) {
                    newest = s.effectiveFrom();
                }
            }
        }
        return newest;
    }

    /** Reload the snapshot now (after a publication on this replica, which must see its own write). */
    public void refresh() {
        snapshot = load();
    }

    private List<WageStandard> publishedFor(String region) {
        return current().rows.stream()
                .filter(s -> s.appliesTo().equals(region) || s.appliesTo().equals(Regions.PROVINCE))
                .toList();
    }

    /**
     * The published standards. The first call loads them; afterwards a snapshot older than the TTL is reloaded in
     * the background while lookups go on with the current one, so a lookup never waits for the database. If the
     * database cannot be reached the snapshot stays (published rows are append-only: it can only be incomplete,
     * never wrong for what it holds) and the next lookup after the TTL tries again.
     */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
            return s;
        }
        if (System.nanoTime() - s.loadedAt > ttlNanos && reloading.compareAndSet(false, true)) {
            reloader.execute(() -> {
                try {
                    snapshot = load();
                } catch (RuntimeException e) {
                    LOG.warn("cannot reload published standards, serving the last snapshot: {}", e.toString());
                } finally {
                    reloading.set(false);
                }
            });
        }
        return s;
    }

    private Snapshot load() {
        return new Snapshot(
                published.listOrderByEffectiveFromAscAndIdAsc().stream()
                        .map(StandardBook::toStandard)
                        .toList(),
                System.nanoTime());
    }

    static WageStandard toStandard(PublishedStandardRow r) {
        return new WageStandard(
                r.region(),
                r.effectiveFrom(),
                false,
                r.monthly(),
                r.hourly(),
                new Citation(r.citationDocument(), r.citationClause(), r.citationTitle(), r.citationNote()),
                StandardSource.PUBLISHED,
                r.publishedBy(),
                r.publishedAt());
    }

    /**
     * The standard in force, and, when it comes from the parameter files, the parameter values behind it (for the
     * explanation).
     */
    public record InForce(WageStandard standard, PolicyStandards.Pair policy) {}

    private record Snapshot(List<WageStandard> rows, long loadedAt) {}
}
