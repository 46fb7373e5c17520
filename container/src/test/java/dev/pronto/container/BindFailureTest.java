package dev.pronto.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failed bind says where (issue 9, defect 9): a taken port is a {@link BindException} that names the address and
 * port, whichever transport and socket layout reported it; the server is left unbound.
 */
class BindFailureTest {

    @ParameterizedTest(name = "{0}, {1} I/O threads")
    @CsvSource({"EPOLL, 1", "EPOLL, 2", "NIO, 1", "NIO, 2"})
    void portTakenByAnotherServerNamesAddressAndPort(Transport transport, int ioThreads) throws Exception {
        try (TestServer running = TestServer.start(transport)) {
            Server second = Server.create(ServerConfig.builder().host("127.0.0.1").port(running.port())
                    .ioThreads(ioThreads).transport(transport).build(), ex -> ex.end());
            BindException e = assertThrows(BindException.class, second::start);
            assertEquals("Address already in use: cannot bind 127.0.0.1:" + running.port(), e.getMessage());
            assertThrows(IllegalStateException.class, second::port, "nothing is bound");
        }
    }

    @ParameterizedTest(name = "{0}, {1} I/O threads")
    @CsvSource({"EPOLL, 1", "EPOLL, 2", "NIO, 1", "NIO, 2"})
    void portTakenOnAllInterfacesNamesThePort(Transport transport, int ioThreads) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Server server = Server.create(ServerConfig.builder().port(taken.getLocalPort()).ioThreads(ioThreads)
                    .transport(transport).build(), ex -> ex.end());
            BindException e = assertThrows(BindException.class, server::start);
            assertEquals("Address already in use: cannot bind port " + taken.getLocalPort() + " on all interfaces",
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EPOLL", "NIO"})
    void addressNotOnThisHostNamesTheAddressAndIsNotInUse(Transport transport) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // any port: the address is what fails
        }
        // TEST-NET-1 (RFC 5737) is never an address of this host
        Server server = Server.create(ServerConfig.builder().host("192.0.2.1").port(port).ioThreads(1)
                .transport(transport).build(), ex -> ex.end());
        IOException e = assertThrows(IOException.class, server::start);
        assertTrue(e.getMessage().contains("cannot bind 192.0.2.1:" + port), e::getMessage);
        assertTrue(!e.getMessage().toLowerCase().contains("in use"), e::getMessage);
    }
}
