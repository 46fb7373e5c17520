package dev.pronto.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling an endpoint's URI template with the path parameters of an upgradeHttpToWebSocket call. */
class EndpointPathTemplateTest {

    @Test
    void variablesAreReplacedByTheirEncodedValues() {
        assertEquals("/rooms/lobby/users/ann", EndpointPathTemplate.fill("/rooms/{room}/users/{user}",
                Map.of("room", "lobby", "user", "ann")));
        assertEquals("/rooms/a%2Fb%20c%C3%A9", EndpointPathTemplate.fill("/rooms/{room}", Map.of("room", "a/b cé")),
                "RFC 3986: a value stays one segment");
    }

    @Test
    void aVariableWithoutAValueStaysAndLiteralsAreKept() {
        assertEquals("/rooms/{room}", EndpointPathTemplate.fill("/rooms/{room}", Map.of()));
        assertEquals("/plain/path/", EndpointPathTemplate.fill("/plain/path/", Map.of("x", "y")));
        assertEquals("/", EndpointPathTemplate.fill("/", Map.of()));
    }

    @Test
    void anAnnotatedEndpointIsMatchedUnderItsOwnTemplate() {
        assertEquals("/rooms/{room}", EndpointPathTemplate.of(
                ServerEndpointConfig.Builder.create(Endpoints.Room.class, "/elsewhere").build()));
        assertEquals("/games/{game}", EndpointPathTemplate.of(
                ServerEndpointConfig.Builder.create(Endpoints.PathReport.class, "/games/{game}").build()));
    }
}
