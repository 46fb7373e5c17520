package dev.pronto.session.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.testing.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Pronto instances (A and B) share sessions through a real redis-server started for each test: a session
 * made on one is read, changed, re-identified and invalidated on the other; its timeout is the key's TTL.
 */
class RedisSharedSessionTest {

    private RedisServerProcess redis;
    private SessionTestApp a;
    private SessionTestApp b;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> commands;
    private final SessionTestApp.Client client = new SessionTestApp.Client();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServerProcess.start();
        a = SessionTestApp.start("A", redis.uri());
        b = SessionTestApp.start("B", redis.uri());
        redisClient = RedisClient.create(redis.uri());
        connection = redisClient.connect();
        commands = connection.sync();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
            redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private String key(String id) {
        return "pronto:session:ROOT:" + id;
    }

    @Test
    void aSessionMadeOnOneInstanceIsReadAndChangedOnTheOther() throws Exception {
        String id = client.body(a.port(), "op=set&k=user&v=ada").substring(2);
        assertEquals(id, client.sessionId);
        assertTrue(commands.exists(key(id)) == 1, "written to Redis when A's request ended");

        assertEquals("B:ada", client.body(b.port(), "op=get&k=user"));
        client.body(b.port(), "op=set&k=cart&v=3");
        assertEquals("A:3", client.body(a.port(), "op=get&k=cart"));
        assertEquals("A:ada", client.body(a.port(), "op=get&k=user"));

        client.body(a.port(), "op=remove&k=cart");
        assertEquals("B:null", client.body(b.port(), "op=get&k=cart"));
        assertEquals(1, a.created.get() + b.created.get(), "sessionCreated once, where it was made");
        assertEquals(1, a.created.get());
    }

    @Test
    void anAttributeChangedInPlaceIsWrittenToo() throws Exception {
        client.body(a.port(), "op=append&k=items&v=x");
        client.body(b.port(), "op=append&k=items&v=y"); // list.add on B's copy, no setAttribute
        assertEquals("A:[x, y]", client.body(a.port(), "op=get&k=items"));
    }

    @Test
    void invalidationOnOneInstanceIsSeenByTheOther() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        String id = client.sessionId;
        client.body(b.port(), "op=invalidate");
        assertEquals(0, commands.exists(key(id)));
        assertEquals("A:none", client.body(a.port(), "op=get&k=user"));
        assertEquals(1, b.destroyed.get(), "sessionDestroyed where it was invalidated");
        assertEquals(0, a.destroyed.get());
    }

    @Test
    void anIdChangeIsSeenByEveryInstance() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        String oldId = client.sessionId;
        String newId = client.body(b.port(), "op=change").substring(2);
        assertNotEquals(oldId, newId);
        assertEquals(newId, client.sessionId, "B sent the new id in a cookie");
        assertEquals(0, commands.exists(key(oldId)));
        assertEquals("A:ada", client.body(a.port(), "op=get&k=user"));

        SessionTestApp.Client stale = new SessionTestApp.Client();
        stale.sessionId = oldId;
        assertEquals("A:none", stale.body(a.port(), "op=get&k=user"), "the old id names no session any more");
    }

    @Test
    void anIdChangeOfASessionMadeInTheSameRequestIsWrittenUnderTheNewId() throws Exception {
        String id = client.body(a.port(), "op=setchange&k=user&v=ada").substring(2);
        assertEquals(id, client.sessionId);
        assertEquals(1, commands.exists(key(id)));
        assertEquals("B:ada", client.body(b.port(), "op=get&k=user"));
    }

    @Test
    void theTimeoutIsTheKeysTtlAndSetMaxInactiveIntervalChangesIt() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        String key = key(client.sessionId);
        long ttl = commands.pttl(key);
        assertTrue(ttl > 0 && ttl <= TimeUnit.MINUTES.toMillis(30), "default 30 minutes, was " + ttl);

        client.body(b.port(), "op=timeout&v=-1");
        assertEquals(-1L, commands.pttl(key), "a session that never expires has no TTL");
        assertEquals("A:ada", client.body(a.port(), "op=get&k=user"));

        client.body(a.port(), "op=timeout&v=1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commands.exists(key) == 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, commands.exists(key), "Redis expired the key");
        assertEquals("B:none", client.body(b.port(), "op=get&k=user"));
    }

    @Test
    void aReadOnlyRequestRefreshesTheAccessTimeAndTtlOnly() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        String key = key(client.sessionId);
        String user = commands.hget(key, "a:user");
        commands.pexpire(key, 100_000);
        String[] first = client.body(b.port(), "op=times").substring(2).split(",");
        assertEquals("false", first[2], "a joined session is not new");
        assertTrue(commands.pttl(key) > 100_000, "the TTL was refreshed to the session's timeout");
        assertEquals(user, commands.hget(key, "a:user"));
        String[] second = client.body(a.port(), "op=times").substring(2).split(",");
        assertEquals(first[0], second[0], "one creation time for every instance");
        assertTrue(Long.parseLong(second[1]) >= Long.parseLong(first[1]), "last access moves on (Servlet 6.1 §7.6)");
    }

    @Test
    void activationListenersHearEachReadAndWrite() throws Exception {
        int activated = SessionTestApp.ACTIVATED.get();
        int passivated = SessionTestApp.PASSIVATED.get();
        client.body(a.port(), "op=probe");
        assertTrue(SessionTestApp.PASSIVATED.get() > passivated, "sessionWillPassivate before A wrote it");
        client.body(b.port(), "op=get&k=user");
        assertTrue(SessionTestApp.ACTIVATED.get() > activated, "sessionDidActivate when B read it");
    }

    @Test
    void aNonBlockingServletRunsOnAWorkerWhenSessionsAreOnRedis() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        HttpResponse<String> response = client.send(a.port(), "/inline", null);
        assertEquals(200, response.statusCode());
        assertFalse(response.body().startsWith("pronto-io"), "ran on " + response.body());
        assertTrue(response.body().endsWith(",session"));
    }

    @Test
    void redisDownAnswers503WithoutAStackTraceAndRequestsWithoutSessionsGoOn() throws Exception {
        client.body(a.port(), "op=set&k=user&v=ada");
        redis.close();
        redis = null;
        HttpResponse<String> response = client.send(a.port(), "op=get&k=user");
        assertEquals(503, response.statusCode());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        assertEquals(503, client.send(b.port(), "op=set&k=user&v=bob").statusCode());
        SessionTestApp.Client anonymous = new SessionTestApp.Client();
        assertEquals(200, anonymous.send(a.port(), "op=get&k=user").statusCode(), "no session, no Redis needed");
    }
}
