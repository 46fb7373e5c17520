package dev.pronto.container.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connection's life only moves forward: the transition table of {@link ConnectionState#to}. */
class ConnectionStateTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            NEW,      OPEN,     OPEN
            NEW,      CLOSING,  CLOSING
            OPEN,     DRAINING, DRAINING
            OPEN,     CLOSING,  CLOSING
            OPEN,     UPGRADED, UPGRADED
            OPEN,     NEW,      OPEN
            DRAINING, OPEN,     DRAINING
            DRAINING, CLOSING,  CLOSING
            DRAINING, UPGRADED, DRAINING
            CLOSING,  DRAINING, CLOSING
            CLOSING,  OPEN,     CLOSING
            CLOSING,  CLOSED,   CLOSED
            UPGRADED, OPEN,     UPGRADED
            UPGRADED, CLOSED,   CLOSED
            CLOSED,   OPEN,     CLOSED
            CLOSED,   CLOSING,  CLOSED
            """)
    void movesOnlyForward(ConnectionState from, ConnectionState asked, ConnectionState expected) {
        assertEquals(expected, from.to(asked));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            NEW,      false, false
            OPEN,     true,  true
            DRAINING, false, true
            CLOSING,  false, false
            CLOSED,   false, false
            UPGRADED, false, false
            """)
    void whatEachStateAllows(ConnectionState state, boolean acceptsRequests, boolean writes) {
        assertEquals(acceptsRequests, state.acceptsRequests());
        assertEquals(writes, state.writes());
    }
}
