package cn.gov.qinghai.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private final AtomicInteger renders = new AtomicInteger();

    private String render() {
        return "answer " + renders.incrementAndGet();
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCache() {
        LookupCache cache = new LookupCache(Duration.ofMinutes(1), 100);
        assertEquals("answer 1", cache.get("wage", "630100 2017-05-01", this::render));
        assertEquals("answer 1", cache.get("wage", "630100 2017-05-01", this::render));
        assertEquals("answer 2", cache.get("wage", "632700 2017-05-01", this::render), "another key is its own entry");
        assertEquals("answer 3", cache.get("retail", "630100 2017-05-01", this::render), "services do not share keys");
    }

    @Test
    void aWriteToAServiceForgetsItsAnswersOnly() {
        LookupCache cache = new LookupCache(Duration.ofMinutes(1), 100);
        cache.get("wage", "k", this::render);
        cache.get("retail", "k", this::render);
        cache.invalidate("wage");
        assertEquals("answer 3", cache.get("wage", "k", this::render));
        assertEquals("answer 2", cache.get("retail", "k", this::render));
    }

    @Test
    void anAnswerRenderedWhileAWriteLandedIsNotKept() {
        LookupCache cache = new LookupCache(Duration.ofMinutes(1), 100);
        cache.get("wage", "k", () -> {
            cache.invalidate("wage"); // the publish completes while this look-up is in flight
            return "possibly stale";
        });
        assertEquals("answer 1", cache.get("wage", "k", this::render));
    }

    @Test
    void errorsAreNeverCached() {
        LookupCache cache = new LookupCache(Duration.ofMinutes(1), 100);
        assertThrows(
                IllegalStateException.class,
                () -> cache.get("wage", "k", () -> {
                    throw new IllegalStateException("wage is down");
                }));
        assertEquals("answer 1", cache.get("wage", "k", this::render));
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        LookupCache cache = new LookupCache(Duration.ZERO, 100);
        cache.get("wage", "k", this::render);
        assertEquals("answer 2", cache.get("wage", "k", this::render));
    }
}
