package dev.pronto.container;

import dev.pronto.testing.OnEachTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pronto.testing.RawHttpConnection;
import dev.pronto.testing.RawHttpConnection.Response;

/**
 * A body that fully arrived but that the handler never read is released when the exchange retires (the leak guard
 * fails the class otherwise), and the connection stays usable.
 */
class UnreadBodyTest {

    @OnEachTransport
    void arrivedButUnreadBodyIsReleased(Transport transport) throws Exception {
        try (TestServer s = TestServer.start(transport); RawHttpConnection c = RawHttpConnection.open(s.port())) {
            for (int i = 0; i < 3; i++) {
                c.send("POST /ignore-arrived-body HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n0123456789");
                Response r = c.read();
                assertEquals("ignored", r.body());
            }
            c.send("POST /ignore-arrived-body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n0\r\n\r\n");
            assertEquals("ignored", c.read().body());
        }
    }
}
