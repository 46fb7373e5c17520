package dev.pronto.servlet.dispatch;

/**
 * The paths of an application no client may ask for (Servlet 6.1 §10.5, §10.6): {@code /WEB-INF} and
 * {@code /META-INF} and everything under them, in any letter case (as Tomcat: a case-insensitive file system would
 * serve {@code /web-inf/web.xml} otherwise). Applied to the canonical path (decoded, without path parameters), so
 * {@code /WEB-INF;x/…} and {@code /%57EB-INF/…} are private too. Forwards, includes and error pages still reach
 * them. Stateless.
 */
final class PrivatePaths {

    private PrivatePaths() {
    }

    /** True when {@code pathInContext} (canonical, starting with '/') is or lies under WEB-INF or META-INF. */
    static boolean isPrivate(String pathInContext) {
        return isUnder(pathInContext, "/WEB-INF") || isUnder(pathInContext, "/META-INF");
    }

    private static boolean isUnder(String path, String directory) {
        int n = directory.length();
        return path.regionMatches(true, 0, directory, 0, n) && (path.length() == n || path.charAt(n) == '/');
    }
}
