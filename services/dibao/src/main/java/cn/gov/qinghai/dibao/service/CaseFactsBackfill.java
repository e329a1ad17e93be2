package cn.gov.qinghai.dibao.service;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At startup, records the simulation facts (CaseFacts) of cases approved before they existed, in batches; new
 * approvals record them as they happen. A no-op once every paid case has them.
 */
@Singleton
public class CaseFactsBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFactsBackfill.class);
    private final CaseFacts facts;

    CaseFactsBackfill(CaseFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int batches = run();
        if (batches > 0) {
            LOG.info("caseload facts recorded for cases approved before V5 ({} batches)", batches);
        }
    }

    /** Records the missing facts, 500 cases a transaction; returns the number of batches (0 when none was left). */
    public int run() {
        long last = 0;
        int batches = 0;
        while ((last = facts.backfill(last, 500)) >= 0) {
            batches++;
        }
        return batches;
    }
}
