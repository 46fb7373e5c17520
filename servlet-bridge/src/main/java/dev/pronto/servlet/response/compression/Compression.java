package dev.pronto.servlet.response.compression;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which responses get the gzip content coding: the media types, the smallest body worth compressing and the user
 * agents to spare (Spring Boot's {@code server.compression.*}). Immutable and thread-safe. Install it with
 * {@code webapp(app -> app.configure(web -> Compression.defaults().install(web.context())))}.
 *
 * @param mimeTypes          media types (without parameters, lower case; {@code type/*} allowed) worth compressing
 * @param minResponseSize    a body known to be smaller than this many bytes is sent as it is
 * @param excludedUserAgents patterns that must match a whole {@code User-Agent} to turn compression off for it
 */
public record Compression(Set<String> mimeTypes, int minResponseSize, List<Pattern> excludedUserAgents) {

    /** The filter's name in the servlet context. */
    public static final String FILTER_NAME = "prontoGzipCompression";

    /** Spring Boot's default {@code server.compression.mime-types}. */
    public static final List<String> DEFAULT_MIME_TYPES = List.of("text/html", "text/xml", "text/plain", "text/css",
            "text/javascript", "application/javascript", "application/json", "application/xml");

    /** Spring Boot's default {@code server.compression.min-response-size} (2 KiB). */
    public static final int DEFAULT_MIN_RESPONSE_SIZE = 2048;

    public Compression {
        mimeTypes = mimeTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        excludedUserAgents = List.copyOf(excludedUserAgents);
        if (minResponseSize < 0) {
            throw new IllegalArgumentException("minResponseSize must be >= 0: " + minResponseSize);
        }
    }

    /** Boot's defaults: the usual text types, 2 KiB, no excluded agents. */
    public static Compression defaults() {
        return of(DEFAULT_MIME_TYPES, DEFAULT_MIN_RESPONSE_SIZE, List.of());
    }

    /** A configuration whose excluded user agents are regular expressions. */
    public static Compression of(Collection<String> mimeTypes, int minResponseSize, Collection<String> excludedUserAgents) {
        return new Compression(Set.copyOf(mimeTypes), minResponseSize,
                excludedUserAgents.stream().map(Pattern::compile).toList());
    }

    /**
     * Registers the compression filter on {@code context} for REQUEST, ASYNC and ERROR dispatches, ahead of every
     * filter registered later, so error pages and async completions are compressed too. Call while configuring.
     */
    public void install(ServletContext context) {
        install(context, registration -> { });
    }

    /** As {@link #install(ServletContext)}, with a last say on the registration. */
    public void install(ServletContext context, Consumer<FilterRegistration.Dynamic> registration) {
        FilterRegistration.Dynamic dynamic = context.addFilter(FILTER_NAME, new GzipCompressionFilter(this));
        Objects.requireNonNull(dynamic, "A filter named " + FILTER_NAME + " is already registered");
        dynamic.setAsyncSupported(true);
        dynamic.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC,
                DispatcherType.ERROR), false, "/*");
        registration.accept(dynamic);
    }

    /** True when {@code contentType}'s media type (parameters ignored) is one to compress. */
    public boolean isCompressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (mimeTypes.contains(type)) {
            return true;
        }
        int slash = type.indexOf('/');
        return slash > 0 && mimeTypes.contains(type.substring(0, slash) + "/*");
    }

    /** True when {@code userAgent} matches one of the excluded patterns. */
    public boolean isExcluded(String userAgent) {
        if (userAgent == null || excludedUserAgents.isEmpty()) {
            return false;
        }
        for (Pattern pattern : excludedUserAgents) {
            if (pattern.matcher(userAgent).matches()) {
                return true;
            }
        }
        return false;
    }
}
