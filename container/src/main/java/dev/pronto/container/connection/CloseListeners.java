package dev.pronto.container.connection;

import java.util.ArrayList;
import java.util.List;

/** What runs when a connection closes under an exchange that has not ended. Event loop only. */
final class CloseListeners {

    private List<Runnable> listeners;
    private boolean fired;

    /** Adds {@code listener}, or runs it at once if the connection is already gone. */
    void add(Runnable listener, boolean connectionOpen) {
        if (fired || !connectionOpen) {
            listener.run();
            return;
        }
        if (listeners == null) {
            listeners = new ArrayList<>(1);
        }
        listeners.add(listener);
    }

    /** The connection closed: runs each listener once. */
    void fire() {
        fired = true;
        List<Runnable> toRun = listeners;
        listeners = null;
        if (toRun != null) {
            toRun.forEach(Runnable::run);
        }
    }
}
