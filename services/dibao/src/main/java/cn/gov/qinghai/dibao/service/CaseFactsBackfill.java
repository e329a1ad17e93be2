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
class CaseFactsBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFactsBackfill.class);
    private final CaseFacts facts;

    CaseFactsBackfill(CaseFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long last = 0;
        int batches = 0;
        while ((last = facts.backfill(last, 500)) >= 0) {
            batches++;
        }
        if (batches > 0) {
            LOG.info("caseload facts recorded for cases approved before V5 ({} batches)", batches);
        }
    }
}
