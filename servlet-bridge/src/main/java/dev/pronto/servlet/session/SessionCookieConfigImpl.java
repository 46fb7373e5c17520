package dev.pronto.servlet.session;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The session tracking cookie settings of one context; builds the cookie for a new session.
 * Thread-safe (synchronized); every setter throws {@link IllegalStateException} once {@link #lock()}ed,
 * which the context does when its initialization ends.
 *
 * <p>Defaults: name {@code JSESSIONID} (Servlet 6.1 §7.1.1), HttpOnly on, not Secure (unless the request
 * is), Max-Age -1 (a browser-session cookie), path {@code null} meaning the context path.
 */
public final class SessionCookieConfigImpl implements SessionCookieConfig {

    /** The standard session cookie name (Servlet 6.1 §7.1.1), also the URL path parameter name in lower case. */
    public static final String DEFAULT_NAME = "JSESSIONID";

    private static final String DOMAIN = "Domain";
    private static final String PATH = "Path";
    private static final String MAX_AGE = "Max-Age";
    private static final String SECURE = "Secure";
    private static final String HTTP_ONLY = "HttpOnly";

    /** Attributes the cookie gets from dedicated settings, so not copied as generic ones. */
    private static final Set<String> DEDICATED = caseInsensitive(DOMAIN, PATH, MAX_AGE, SECURE, HTTP_ONLY,
            "Comment");

    private final Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String name = DEFAULT_NAME;
    private boolean locked;

    /** A configuration with the defaults. */
    public SessionCookieConfigImpl() {
        attributes.put(HTTP_ONLY, "true");
    }

    /** Forbids further changes; called when the context has been initialized. */
    public synchronized void lock() {
        locked = true;
    }

    private void checkUnlocked() {
        if (locked) {
            throw new IllegalStateException("The ServletContext has already been initialized");
        }
    }

    /**
     * The cookie carrying a new session's id: this configuration's settings, path defaulting to the context
     * path ({@code /} for the root context), Secure also when the request came over a secure channel.
     */
    public synchronized Cookie newSessionCookie(String sessionId, String contextPath, boolean secureRequest) {
        Cookie cookie = new Cookie(name, sessionId);
        String path = attributes.get(PATH);
        cookie.setPath(path != null ? path : contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
        if (attributes.get(DOMAIN) != null) {
            cookie.setDomain(attributes.get(DOMAIN));
        }
        if (getMaxAge() >= 0) {
            cookie.setMaxAge(getMaxAge());
        }
        cookie.setSecure(isSecure() || secureRequest);
        cookie.setHttpOnly(isHttpOnly());
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (!DEDICATED.contains(a.getKey())) {
                cookie.setAttribute(a.getKey(), a.getValue());
            }
        }
        return cookie;
    }

    @Override
    public synchronized void setName(String name) {
        checkUnlocked();
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("Invalid session cookie name '" + name + "'");
        }
        this.name = name;
    }

    /** The cookie name; {@code JSESSIONID} unless {@link #setName} was called. */
    @Override
    public synchronized String getName() {
        return name;
    }

    @Override
    public synchronized void setDomain(String domain) {
        put(DOMAIN, domain);
    }

    @Override
    public synchronized String getDomain() {
        return attributes.get(DOMAIN);
    }

    @Override
    public synchronized void setPath(String path) {
        put(PATH, path);
    }

    /** The path set, or null: the session cookie then uses the context path. */
    @Override
    public synchronized String getPath() {
        return attributes.get(PATH);
    }

    /** Has no effect (RFC 6265 has no Comment); only the lock is checked, as the interface requires. */
    @Deprecated(since = "Servlet 6.0", forRemoval = true)
    @Override
    public synchronized void setComment(String comment) {
        checkUnlocked();
    }

    /** Always null. */
    @Deprecated(since = "Servlet 6.0", forRemoval = true)
    @Override
    public String getComment() {
        return null;
    }

    @Override
    public synchronized void setHttpOnly(boolean httpOnly) {
        put(HTTP_ONLY, httpOnly ? "true" : null);
    }

    @Override
    public synchronized boolean isHttpOnly() {
        return isFlagSet(attributes.get(HTTP_ONLY));
    }

    @Override
    public synchronized void setSecure(boolean secure) {
        put(SECURE, secure ? "true" : null);
    }

    @Override
    public synchronized boolean isSecure() {
        return isFlagSet(attributes.get(SECURE));
    }

    @Override
    public synchronized void setMaxAge(int maxAge) {
        put(MAX_AGE, String.valueOf(maxAge));
    }

    @Override
    public synchronized int getMaxAge() {
        String maxAge = attributes.get(MAX_AGE);
        return maxAge == null ? -1 : Integer.parseInt(maxAge);
    }

    /**
     * Sets any attribute, including the ones with dedicated setters, which then agree with it;
     * a null value removes the attribute.
     *
     * @throws IllegalArgumentException if the name is not a valid cookie attribute name (an RFC 9110 token)
     * @throws NumberFormatException if {@code Max-Age} is not an integer
     */
    @Override
    public synchronized void setAttribute(String name, String value) {
        if (name == null || !isToken(name)) {
            throw new IllegalArgumentException("Invalid cookie attribute name '" + name + "'");
        }
        if (value != null && name.equalsIgnoreCase(MAX_AGE)) {
            value = String.valueOf(Integer.parseInt(value.trim()));
        }
        put(name, value);
    }

    @Override
    public synchronized String getAttribute(String name) {
        return name == null ? null : attributes.get(name);
    }

    /** A read-only snapshot with case-insensitive keys, dedicated settings included. */
    @Override
    public synchronized Map<String, String> getAttributes() {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(attributes);
        return Collections.unmodifiableMap(copy);
    }

    private void put(String name, String value) {
        checkUnlocked();
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    /** A flag attribute is on when present and empty (as Cookie stores it) or "true". */
    private static boolean isFlagSet(String value) {
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }

    /** RFC 9110 §5.6.2 token. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alnum && (c >= 0x7F || "!#$%&'*+-.^_`|~".indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }
}
