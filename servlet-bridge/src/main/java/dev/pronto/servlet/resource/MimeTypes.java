package dev.pronto.servlet.resource;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File extension to MIME type table for {@code ServletContext.getMimeType} and static resources:
 * common web types by default, overridable per context. Thread-safe; extensions are case-insensitive.
 */
public final class MimeTypes {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            // text and documents
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), // RFC 9239
            Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("xsl", "application/xslt+xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("md", "text/markdown"), // RFC 7763
            Map.entry("yaml", "application/yaml"), // RFC 9512
            Map.entry("yml", "application/yaml"),
            Map.entry("ics", "text/calendar"),
            Map.entry("vcf", "text/vcard"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            // images
            Map.entry("svg", "image/svg+xml"),
            Map.entry("svgz", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("apng", "image/apng"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            // fonts (RFC 8081)
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            // audio and video
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("aac", "audio/aac"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("mid", "audio/midi"),
            Map.entry("midi", "audio/midi"),
            Map.entry("weba", "audio/webm"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mpg", "video/mpeg"),
            // archives and binaries
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tgz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("bz2", "application/x-bzip2"),
            Map.entry("xz", "application/x-xz"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("rar", "application/vnd.rar"),
            Map.entry("jar", "application/java-archive"),
            Map.entry("war", "application/java-archive"),
            Map.entry("class", "application/java-vm"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("bin", "application/octet-stream"),
            Map.entry("exe", "application/octet-stream"),
            Map.entry("sh", "application/x-sh"));

    private final Map<String, String> types = new ConcurrentHashMap<>(DEFAULTS);

    private MimeTypes() {
    }

    /** A new table holding the defaults, ready for this context's own mappings. */
    public static MimeTypes withDefaults() {
        return new MimeTypes();
    }

    /** Maps {@code extension} (without the dot, any case) to {@code mimeType}, replacing any earlier mapping. */
    public MimeTypes add(String extension, String mimeType) {
        if (extension == null || extension.isEmpty() || mimeType == null || mimeType.isEmpty()) {
            throw new IllegalArgumentException("extension and mimeType must be non-empty");
        }
        types.put(normalize(extension.startsWith(".") ? extension.substring(1) : extension), mimeType);
        return this;
    }

    /** The MIME type of a file name or path by its extension (after the last '.' of the last segment), or null. */
    public String forFile(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot < name.lastIndexOf('/') || dot == name.length() - 1) {
            return null;
        }
        return types.get(normalize(name.substring(dot + 1)));
    }

    /** The MIME type of an extension (without the dot, any case), or null. */
    public String forExtension(String extension) {
        return extension == null ? null : types.get(normalize(extension));
    }

    private static String normalize(String extension) {
        return extension.toLowerCase(Locale.ROOT);
    }
}
