package dev.pronto.servlet.session;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every session event it receives as a short string, for assertions. */
final class RecordingListener implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {

    final String tag;
    final List<String> events;

    RecordingListener(String tag, List<String> events) {
        this.tag = tag;
        this.events = events;
    }

    RecordingListener() {
        this("", new CopyOnWriteArrayList<>());
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        events.add(tag + "created");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        events.add(tag + "destroyed:" + se.getSession().getAttribute("a"));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent e) {
        events.add(tag + "added:" + e.getName() + "=" + e.getValue());
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent e) {
        events.add(tag + "replaced:" + e.getName() + "=" + e.getValue());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent e) {
        events.add(tag + "removed:" + e.getName() + "=" + e.getValue());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        events.add(tag + "idChanged:" + oldSessionId + "->" + event.getSession().getId());
    }
}
