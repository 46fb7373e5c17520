package dev.pronto.servlet.response;

import dev.pronto.servlet.http.HttpDates;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Formats a {@link Cookie} as a {@code Set-Cookie} value (RFC 6265 §4.1). Stateless and thread-safe.
 * Like Tomcat's RFC 6265 cookie processor, a value outside the cookie-octet set is rejected rather than
 * quoted or escaped: a value may only be wrapped in DQUOTEs by the application itself.
 */
public final class SetCookieFormatter {

    /** Attributes written from the Cookie's own getters, so skipped when copying the attribute map. */
    private static final Set<String> WRITTEN_FIRST = caseInsensitive("Max-Age", "Domain", "Path", "Secure",
            "HttpOnly", "Comment");

    private SetCookieFormatter() {
    }

    /**
     * The header value: {@code name=value}, Max-Age and Expires, Domain, Path, Secure, HttpOnly, then every
     * other attribute in the cookie's attribute order (an empty value is written as a bare flag, e.g.
     * {@code Partitioned}). The deprecated Comment is never written.
     *
     * @throws IllegalArgumentException if the value, domain, path or an attribute holds characters
     *     RFC 6265 §4.1.1 does not allow
     */
    public static String format(Cookie cookie) {
        return format(cookie, System.currentTimeMillis());
    }

    static String format(Cookie cookie, long nowMillis) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(cookie.getName()).append('=').append(checkValue(cookie.getName(), cookie.getValue()));
        int maxAge = cookie.getMaxAge();
        if (maxAge >= 0) {
            // RFC 6265 §4.1.2.2: Max-Age wins where understood; Expires serves older user agents. §4.1.1 lets a
            // server send only a positive Max-Age, so a cookie to delete gets an Expires in the past alone.
            if (maxAge > 0) {
                sb.append("; Max-Age=").append(maxAge);
            }
            sb.append("; Expires=").append(maxAge == 0 ? HttpDates.EXPIRED : HttpDates.format(nowMillis + maxAge * 1000L));
        }
        appendIfSet(sb, "Domain", checkDomain(cookie.getDomain()));
        appendIfSet(sb, "Path", checkAttributeValue("Path", cookie.getPath()));
        if (cookie.getSecure()) {
            sb.append("; Secure");
        }
        if (cookie.isHttpOnly()) {
            sb.append("; HttpOnly");
        }
        appendOtherAttributes(sb, cookie.getAttributes(), maxAge >= 0);
        return sb.toString();
    }

    private static void appendOtherAttributes(StringBuilder sb, Map<String, String> attributes, boolean expiresWritten) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String name = a.getKey();
            if (WRITTEN_FIRST.contains(name) || expiresWritten && name.equalsIgnoreCase("Expires")) {
                continue;
            }
            String value = checkAttributeValue(name, a.getValue());
            sb.append("; ").append(name);
            if (value != null && !value.isEmpty()) {
                sb.append('=').append(value);
            }
        }
    }

    private static void appendIfSet(StringBuilder sb, String name, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append("; ").append(name).append('=').append(value);
        }
    }

    /** RFC 6265 §4.1.1: cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE ). */
    private static String checkValue(String name, String value) {
        if (value == null) {
            return "";
        }
        int from = 0;
        int to = value.length();
        if (to >= 2 && value.charAt(0) == '"' && value.charAt(to - 1) == '"') {
            from++;
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("Cookie '" + name + "' has a value with a character RFC 6265 "
                        + "does not allow (0x" + Integer.toHexString(c) + ")");
            }
        }
        return value;
    }

    /** RFC 6265 §4.1.2.3 / RFC 1034 §3.5: letters, digits, '-' and '.', optionally with a leading '.'. */
    private static String checkDomain(String domain) {
        if (domain == null) {
            return null;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
            if (!ok) {
                throw new IllegalArgumentException("Invalid cookie domain '" + domain + "'");
            }
        }
        return domain;
    }

    /** RFC 6265 §4.1.1: av-octet = %x20-3A / %x3C-7E, i.e. printable ASCII without ';'. */
    private static String checkAttributeValue(String name, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ';') {
                throw new IllegalArgumentException("Cookie attribute " + name + " has an invalid value '" + value + "'");
            }
        }
        return value;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
