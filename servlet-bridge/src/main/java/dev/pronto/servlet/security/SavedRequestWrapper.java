package dev.pronto.servlet.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The browser's return after a FORM login, dressed as the request that was saved (Servlet 6.1 §13.6.3.1): its
 * method, content type, body and form parameters. Used by the thread running the request.
 */
final class SavedRequestWrapper extends HttpServletRequestWrapper {

    private final SavedRequest saved;
    private Map<String, String[]> parameters;
    private boolean bodyTaken;

    SavedRequestWrapper(HttpServletRequest request, SavedRequest saved) {
        super(request);
        this.saved = saved;
    }

    @Override
    public String getMethod() {
        return saved.method();
    }

    @Override
    public String getContentType() {
        return saved.contentType();
    }

    @Override
    public int getContentLength() {
        return saved.body().length;
    }

    @Override
    public long getContentLengthLong() {
        return saved.body().length;
    }

    @Override
    public String getHeader(String name) {
        if ("content-type".equalsIgnoreCase(name)) {
            return saved.contentType();
        }
        if ("content-length".equalsIgnoreCase(name)) {
            return saved.body().length == 0 ? null : Integer.toString(saved.body().length);
        }
        return super.getHeader(name);
    }

    @Override
    public ServletInputStream getInputStream() {
        bodyTaken = true;
        ByteArrayInputStream in = new ByteArrayInputStream(saved.body());
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("A replayed request has no asynchronous body");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    /** The saved content type's charset, else the request's (set by the application, or the context default). */
    @Override
    public String getCharacterEncoding() {
        String type = saved.contentType();
        int at = type == null ? -1 : type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return super.getCharacterEncoding();
        }
        String value = type.substring(at + "charset=".length()).split(";", 2)[0].trim();
        return value.replace("\"", "");
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1; // §3.11: an unknown charset falls back to the default
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    /** §3.1.1: the query's parameters, then the saved form body's, unless the application read the body. */
    private Map<String, String[]> parameters() {
        if (parameters != null) {
            return parameters;
        }
        Map<String, List<String>> all = new LinkedHashMap<>();
        super.getParameterMap().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
        String type = saved.contentType() == null ? "" : saved.contentType().toLowerCase(Locale.ROOT);
        if (!bodyTaken && "POST".equals(saved.method()) && type.startsWith("application/x-www-form-urlencoded")) {
            Charset charset = charset();
            for (String pair : new String(saved.body(), StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
                all.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        all.forEach((k, v) -> map.put(k, v.toArray(new String[0])));
        parameters = Collections.unmodifiableMap(map);
        return parameters;
    }

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            return s; // a bad %-escape stays as sent, as the request's own parser keeps it
        }
    }
}
