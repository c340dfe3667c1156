package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: a drain waits for running requests and lets no new one in. */
class InFlightTest {
    @Test
    void drainWaitsForTheRunningRequestAndRefusesNewOnes() throws Exception {
        InFlight inFlight = new InFlight();
        assertTrue(inFlight.tryEnter());
        CountDownLatch draining = new CountDownLatch(1);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            draining.countDown();
            return inFlight.drain(Duration.ofSeconds(10));
        });
        draining.await();
        // The drain has started (or is about to): it must not finish while a request runs.
        assertFalse(completesWithin(drained, 200));
        inFlight.leave();
        assertTrue(drained.get(5, TimeUnit.SECONDS), "the drain ends when the last request leaves");
        assertFalse(inFlight.tryEnter(), "no request is let in once draining");
        assertEquals(0, inFlight.running());
    }

    @Test
    void aDrainThatTimesOutSaysSo() {
        InFlight inFlight = new InFlight();
        assertTrue(inFlight.tryEnter());
        assertFalse(inFlight.drain(Duration.ofMillis(50)));
        assertEquals(1, inFlight.running());
    }

    private static boolean completesWithin(CompletableFuture<?> f, long millis) {
        try {
            f.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
