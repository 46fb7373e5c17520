package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler drops only Tyrus's no-delay idle-timer task. */
class NoIdleTimeoutSchedulerTest {

    @Test
    void theTaskItSkipsIsTyrussIdleTimer() throws Exception {
        Class<?> task = Class.forName(NoIdleTimeoutScheduler.IDLE_TIMEOUT_TASK);
        assertTrue(Runnable.class.isAssignableFrom(task), "Tyrus still has the task this scheduler recognises");
    }

    @Test
    void otherTasksAreScheduledAsUsual() throws Exception {
        ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
        try {
            NoIdleTimeoutScheduler scheduler = new NoIdleTimeoutScheduler(real);
            CountDownLatch ran = new CountDownLatch(2);
            scheduler.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);
            scheduler.schedule(ran::countDown, 10, TimeUnit.MILLISECONDS);
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertEquals(0, ran.getCount());
        } finally {
            real.shutdownNow();
        }
    }
}
