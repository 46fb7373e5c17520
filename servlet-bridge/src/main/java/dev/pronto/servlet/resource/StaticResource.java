package dev.pronto.servlet.resource;

import jakarta.servlet.ServletContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.jar.JarEntry;

/**
 * One resource the default servlet may send, found through {@code ServletContext.getResource} (so the resource
 * base decides what exists and refuses paths and links that leave its root): a file on disk, which can be sent
 * zero-copy, or any other URL (a jar entry) that is streamed. Immutable; the metadata is read once per lookup.
 *
 * @param file         the file on disk, or null for a URL resource
 * @param url          the resource's URL
 * @param directory    true for a directory
 * @param length       bytes, {@code -1} if unknown
 * @param lastModified epoch milliseconds, {@code <= 0} if unknown
 */
record StaticResource(Path file, URL url, boolean directory, long length, long lastModified) {

    /** The resource at a context-relative {@code path}, or null if there is none. */
    static StaticResource lookup(ServletContext context, String path) throws IOException {
        URL url;
        try {
            url = context.getResource(path);
        } catch (MalformedURLException e) {
            return null;
        }
        if (url == null) {
            return null;
        }
        Path file = fileOf(url);
        if (file != null) {
            return ofFile(file, url);
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry;
            try {
                entry = jar.getJarEntry();
            } catch (FileNotFoundException e) {
                return null; // gone from the jar since the class loader found it
            }
            return new StaticResource(null, url, entry.isDirectory(), entry.getSize(), entry.getTime());
        }
        return new StaticResource(null, url, false, connection.getContentLengthLong(), connection.getLastModified());
    }

    private static Path fileOf(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static StaticResource ofFile(Path file, URL url) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new StaticResource(file, url, attributes.isDirectory(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null; // deleted since the base looked
        }
    }

    /** The strong entity tag, or null when length or modification time is unknown. */
    String etag() {
        return EntityTags.of(length, lastModified);
    }

    FileChannel openChannel() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    InputStream openStream() throws IOException {
        return file != null ? Files.newInputStream(file) : url.openStream();
    }
}
