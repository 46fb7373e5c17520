package dev.pronto.container.connection;

/** What a streamed request body asks of its connection. Implementations hop to the event loop themselves. */
interface BodyDemand {

    /** The consumer touched the body for the first time: answer {@code Expect: 100-continue} if it is pending. */
    void onFirstDemand();

    /** Too many unread bytes are queued: stop reading the socket. Called on the event loop. */
    void pauseReading();

    /** The consumer caught up: read the socket again. Called from any thread. */
    void resumeReading();
}
