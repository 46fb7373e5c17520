package dev.pronto.servlet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MimeTypesTest {

    private final MimeTypes mimeTypes = MimeTypes.withDefaults();

    @ParameterizedTest
    @CsvSource({
        "index.html,         text/html",
        "/a/b/app.JS,        text/javascript",
        "module.mjs,         text/javascript",
        "style.Css,          text/css",
        "data.json,          application/json",
        "feed.xml,           application/xml",
        "logo.svg,           image/svg+xml",
        "photo.JPEG,         image/jpeg",
        "photo.avif,         image/avif",
        "font.woff2,         font/woff2",
        "archive.tar.gz,     application/gzip",
        "app.wasm,           application/wasm",
        "app.js.map,         application/json",
        "README.md,          text/markdown",
        "clip.webm,          video/webm",
        "song.mp3,           audio/mpeg",
        "doc.pdf,            application/pdf",
    })
    void knowsCommonWebTypes(String file, String expected) {
        assertEquals(expected, mimeTypes.forFile(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "htm", "css", "js", "mjs", "json", "xml", "txt", "csv", "svg", "png", "jpg", "jpeg",
        "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "pdf", "zip", "gz", "tar", "mp4", "webm", "mp3",
        "wav", "ogg", "wasm", "map", "md"})
    void coversTheRequiredExtensions(String extension) {
        assertNotNull(mimeTypes.forExtension(extension));
    }

    @ParameterizedTest
    @ValueSource(strings = {"noext", "dir.d/file", "trailing.", "file.unknownext", ""})
    void unknownOrMissingExtensionGivesNull(String file) {
        assertNull(mimeTypes.forFile(file));
    }

    @Test
    void nullGivesNull() {
        assertNull(mimeTypes.forFile(null));
        assertNull(mimeTypes.forExtension(null));
    }

    @Test
    void contextMappingsAddAndOverrideWithoutTouchingOtherTables() {
        mimeTypes.add("JSON", "application/vnd.api+json").add(".foo", "application/x-foo");
        assertEquals("application/vnd.api+json", mimeTypes.forFile("x.json"));
        assertEquals("application/x-foo", mimeTypes.forFile("x.FOO"));
        assertEquals("application/json", MimeTypes.withDefaults().forFile("x.json"));
    }

    @Test
    void rejectsEmptyMappings() {
        assertThrows(IllegalArgumentException.class, () -> mimeTypes.add("", "text/plain"));
        assertThrows(IllegalArgumentException.class, () -> mimeTypes.add("x", null));
    }
}
