package dev.pronto.servlet.session;

/**
 * The session counters of one context, with the meaning of Tomcat's {@code tomcat.sessions.*} meters. Immutable.
 *
 * @param active          sessions held now ({@code tomcat.sessions.active.current})
 * @param activeMax       the most held at once ({@code tomcat.sessions.active.max})
 * @param created         sessions created ({@code tomcat.sessions.created})
 * @param expired         sessions ended, by timeout or invalidation ({@code tomcat.sessions.expired})
 * @param rejected        creations refused at the cap ({@code tomcat.sessions.rejected})
 * @param aliveMaxSeconds the longest an ended session lived, in seconds ({@code tomcat.sessions.alive.max})
 */
public record SessionMetrics(int active, int activeMax, long created, long expired, long rejected,
                             long aliveMaxSeconds) {
}
