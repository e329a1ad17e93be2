package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.VerifyAuditChainResponse;
import cn.gov.qinghai.healthdata.data.AuditStore;
import jakarta.inject.Singleton;

/**
 * Walks the audit chain in sequence order and reports the first broken link: a row whose stored hash does not
 * recompute from its content (altered), whose prev_hash is not the previous row's hash, or whose sequence skips
 * (a row before it was deleted). Memory stays flat: rows are streamed.
 *
 * <p>Deleting rows at the tail cannot be seen from inside the table; the response carries the head sequence and
 * hash so an operator can anchor them elsewhere (e.g. publish them daily) and compare later.
 */
@Singleton
public class AuditVerifier {

    private final AuditStore events;

    public AuditVerifier(AuditStore events) {
        this.events = events;
    }

    public VerifyAuditChainResponse verify() {
        var state = new Object() {
            long expected = 1;
            String prevHash = AuditTrail.GENESIS;
            long checked;
            long broken;
            String problem = "";
        };
        events.eachInOrder(row -> {
            state.checked++;
            if (row.sequence() != state.expected) {
                state.broken = row.sequence();
                state.problem = "rows " + state.expected
                        + (row.sequence() - 1 > state.expected ? "–" + (row.sequence() - 1) : "")
                        + " are missing before row " + row.sequence();
            } else if (!row.prevHash().equals(state.prevHash)) {
                state.broken = row.sequence();
                state.problem = "row " + row.sequence() + " does not link to the hash of row " + (row.sequence() - 1);
            } else if (!row.recomputeHash().equals(row.hash())) {
                state.broken = row.sequence();
                state.problem = "row " + row.sequence() + " was altered: its content no longer matches its hash";
            }
            state.expected = row.sequence() + 1;
            state.prevHash = row.hash();
            return state.broken == 0;
        });
        return VerifyAuditChainResponse.newBuilder()
                .setIntact(state.broken == 0)
                .setRowsChecked(state.checked)
                .setFirstBrokenSequence(state.broken)
                .setProblem(state.problem)
                .setHeadSequence(state.broken == 0 ? state.expected - 1 : 0)
                .setHeadHash(state.broken == 0 ? state.prevHash : "")
                .build();
    }
}
