package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker hand-back: deferred only while a worker runs the batch, handed back once, never stranded. */
class CompletionBatchTest {

    @Test
    void outsideAnyRunAWakeUpHappensAtOnce() {
        CompletionBatch batch = new CompletionBatch();
        AtomicInteger woken = new AtomicInteger();
        batch.defer(woken::incrementAndGet);
        assertEquals(1, woken.get());
    }

    @Test
    void whileAWorkerRunsWakeUpsWaitForTheHandBack() {
        CompletionBatch batch = new CompletionBatch();
        AtomicInteger woken = new AtomicInteger();
        batch.enter();
        batch.defer(woken::incrementAndGet);
        batch.defer(woken::incrementAndGet);
        assertEquals(0, woken.get());
        batch.handBack();
        assertEquals(2, woken.get(), "an explicit hand-back (flush, stuck task) releases what waits");
        batch.defer(woken::incrementAndGet);
        batch.exit();
        assertEquals(3, woken.get(), "the end of the run hands back the rest");
        batch.defer(woken::incrementAndGet);
        assertEquals(4, woken.get(), "after the run nothing is deferred");
    }

    @Test
    void twoRunnersHandBackWhenEachLeaves() {
        CompletionBatch batch = new CompletionBatch();
        AtomicInteger woken = new AtomicInteger();
        batch.enter();
        batch.enter();
        batch.defer(woken::incrementAndGet);
        batch.exit();
        assertEquals(1, woken.get());
        batch.defer(woken::incrementAndGet);
        assertEquals(1, woken.get(), "the helper still runs: deferred");
        batch.exit();
        assertEquals(2, woken.get());
    }
}
