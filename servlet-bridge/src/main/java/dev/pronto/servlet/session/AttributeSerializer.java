package dev.pronto.servlet.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java serialization of one session attribute for a shared store, reading classes with the web application's class
 * loader. A value that cannot be written or read is logged and skipped (null), never failing the request.
 * Stateless; any thread.
 */
final class AttributeSerializer {

    private static final Logger LOG = LoggerFactory.getLogger(AttributeSerializer.class);

    private AttributeSerializer() {
    }

    /** The value's bytes, or null (logged) when it is not serializable. */
    static byte[] write(String id, String name, Object value) {
        if (!(value instanceof Serializable)) {
            LOG.warn("Session {}: attribute '{}' ({}) is not Serializable; not shared with other instances", id, name,
                    value.getClass().getName());
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: attribute '{}' could not be serialized; not shared: {}", id, name, e.toString());
            return null;
        }
        return bytes.toByteArray();
    }

    /** The value read back with {@code loader}, or null (logged) when it cannot be read here. */
    static Object read(String id, String name, byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("Session {}: attribute '{}' could not be read; left in the store, not seen here: {}", id, name,
                    e.toString());
            return null;
        }
    }
}
