package dev.pronto.container.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.container.CompletionBatch;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Off-loop completions reach the loop in order, one drain per burst, one wake-up per batch hand-back. */
class OffLoopInboxTest {

    /** Records each drain's ops on the loop. */
    private static final class RecordingSink implements OffLoopInbox.Sink {
        final List<List<Object>> drains = new ArrayList<>();

        @Override
        public void drain(OffLoopInbox inbox) {
            List<Object> ops = new ArrayList<>();
            OffLoopInbox.Op op;
            while ((op = inbox.poll()) != null) {
                ops.add(op.msg());
                ReferenceCountUtil.release(op.msg());
            }
            drains.add(ops);
        }
    }

    /** A test body run against a real event loop. */
    private interface LoopTest {
        void run(EventLoop loop, RecordingSink sink, OffLoopInbox inbox) throws InterruptedException;
    }

    private static void onLoop(LoopTest test) throws InterruptedException {
        EventLoop loop = new DefaultEventLoop();
        try {
            RecordingSink sink = new RecordingSink();
            test.run(loop, sink, new OffLoopInbox(loop, sink));
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aBatchHandBackWakesTheLoopOnceForEverythingItHeld() throws InterruptedException {
        onLoop((loop, sink, inbox) -> {
            CompletionBatch batch = new CompletionBatch();
            batch.enter();
            List<Object> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Object msg = Unpooled.buffer(1).writeByte(i);
                sent.add(msg);
                inbox.add(new OffLoopInbox.Op(null, msg, i == 4), batch);
            }
            batch.exit();
            awaitLoop(loop);
            assertEquals(List.of(sent), sink.drains, "one drain, all ops in order");
        });
    }

    @Test
    void withoutABatchTheFirstOpOfABurstWakesTheLoop() throws InterruptedException {
        onLoop((loop, sink, inbox) -> {
            CountDownLatch hold = new CountDownLatch(1);
            loop.execute(() -> await(hold)); // the loop is busy: the burst piles up behind one drain task
            inbox.add(new OffLoopInbox.Op(null, Unpooled.buffer(1).writeByte(1), false), null);
            inbox.add(new OffLoopInbox.Op(null, Unpooled.buffer(1).writeByte(2), true), null);
            hold.countDown();
            awaitLoop(loop);
            assertEquals(1, sink.drains.size(), "one drain for the burst");
            assertEquals(2, sink.drains.get(0).size());
        });
    }

    @Test
    void opsForALoopThatIsGoneAreReleased() throws InterruptedException {
        EventLoop loop = new DefaultEventLoop();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        OffLoopInbox inbox = new OffLoopInbox(loop, new RecordingSink());
        io.netty.buffer.ByteBuf msg = Unpooled.buffer(1).writeByte(1);
        inbox.add(new OffLoopInbox.Op(null, msg, true), null);
        assertEquals(0, msg.refCnt());
    }

    private static void awaitLoop(EventLoop loop) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(done::countDown);
        done.await(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
