package dev.pronto.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServerException;

/** A taken port is Boot's {@link PortInUseException}; any other bind failure is not. */
class BindErrorsTest extends FactoryTestSupport {

    @Test
    void portTakenByAnotherProcessIsPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            factory.setPort(taken.getLocalPort());
            create(servlet("/x", new TestServlets.Text("x")));
            PortInUseException e = assertThrows(PortInUseException.class, webServer::start);
            assertEquals(taken.getLocalPort(), e.getPort());
        }
    }

    @Test
    void portTakenByAnotherProntoWithReusePortIsStillPortInUse() throws Exception {
        // Two event loops make the epoll transport bind with SO_REUSEPORT, which would let both servers share it.
        ProntoServletWebServerFactory first = new ProntoServletWebServerFactory(0);
        first.addServerCustomizers(config -> config.ioThreads(2));
        ProntoWebServer running = (ProntoWebServer) first.getWebServer(servlet("/x", new TestServlets.Text("x")));
        running.start();
        try {
            factory.setPort(running.getPort());
            factory.addServerCustomizers(config -> config.ioThreads(2));
            create(servlet("/x", new TestServlets.Text("x")));
            PortInUseException e = assertThrows(PortInUseException.class, webServer::start);
            assertEquals(running.getPort(), e.getPort());
        } finally {
            running.destroy();
        }
    }

    @Test
    void addressNotOnThisHostIsNotPortInUse() throws Exception {
        factory.setAddress(InetAddress.getByName("192.0.2.1")); // TEST-NET-1 (RFC 5737): never a local address
        create(servlet("/x", new TestServlets.Text("x")));
        WebServerException e = assertThrows(WebServerException.class, webServer::start);
        assertFalse(e instanceof PortInUseException, e::toString);
    }
}
