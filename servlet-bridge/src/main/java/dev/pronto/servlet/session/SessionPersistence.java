package dev.pronto.servlet.session;

import jakarta.servlet.http.HttpSessionActivationListener;
import jakarta.servlet.http.HttpSessionEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a context's sessions across a restart, as Tomcat's {@code StandardManager} does: at stop every valid
 * session and its serializable attributes go to {@code SESSIONS.ser} in the store directory; at start they are read
 * back (expired ones dropped) with the application's class loader, and the file is deleted. Each attribute is
 * serialized on its own, so one that fails is logged and skipped without losing the others. Runs on the
 * application's life-cycle thread while no request is served.
 */
public final class SessionPersistence {

    /** Tomcat's file name, so that an operator recognises it. */
    public static final String FILE_NAME = "SESSIONS.ser";

    private static final Logger LOG = LoggerFactory.getLogger(SessionPersistence.class);
    private static final int MAGIC = 0x50525353; // "PRSS"
    private static final int VERSION = 1;

    private final Path directory;

    public SessionPersistence(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /**
     * Writes every valid, unexpired session of {@code manager}; activation listeners are told
     * {@code sessionWillPassivate} first. Written to a temporary file, then moved over the old one.
     *
     * @return how many sessions were written
     */
    public int save(SessionManager manager) throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve(FILE_NAME + ".tmp");
        long now = manager.now();
        List<HttpSessionImpl> sessions = new ArrayList<>();
        for (HttpSessionImpl session : manager.validSessions()) {
            if (!session.isExpired(now)) {
                sessions.add(session);
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(sessions.size());
            for (HttpSessionImpl session : sessions) {
                writeSession(out, session);
            }
        }
        Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return sessions.size();
    }

    private static void writeSession(DataOutputStream out, HttpSessionImpl session) throws IOException {
        Map<String, Object> attributes = session.attributesSnapshot();
        HttpSessionEvent event = new HttpSessionEvent(session);
        List<String> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (e.getValue() instanceof HttpSessionActivationListener l) {
                l.sessionWillPassivate(event); // Servlet 6.1 §7.7.2
            }
            byte[] bytes = serialize(session.getId(), e.getKey(), e.getValue());
            if (bytes != null) {
                names.add(e.getKey());
                values.add(bytes);
            }
        }
        out.writeUTF(session.getId());
        out.writeLong(session.creationTimeInternal());
        out.writeLong(session.lastAccessedTimeInternal());
        out.writeLong(session.thisAccessedTimeInternal());
        out.writeInt(session.getMaxInactiveInterval());
        out.writeBoolean(session.isNewInternal());
        out.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.writeUTF(names.get(i));
            out.writeInt(values.get(i).length);
            out.write(values.get(i));
        }
    }

    /** The attribute's serialized form, or null (logged) when it is not serializable. */
    private static byte[] serialize(String id, String name, Object value) {
        if (!(value instanceof Serializable)) {
            LOG.warn("Session {}: attribute '{}' ({}) is not Serializable; not persisted", id, name,
                    value.getClass().getName());
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Session {}: attribute '{}' could not be serialized; not persisted: {}", id, name, e.toString());
            return null;
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the sessions saved by {@link #save} into {@code manager}, resolving attribute classes with
     * {@code loader}; drops expired sessions and attributes that cannot be read (logged), tells activation
     * listeners {@code sessionDidActivate}, then deletes the file. No file: nothing to do.
     *
     * @return how many sessions were restored
     */
    public int load(SessionManager manager, ClassLoader loader) throws IOException {
        Path file = file();
        int restored = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                LOG.warn("{} is not a session file this version wrote; ignored", file);
                return 0;
            }
            int count = in.readInt();
            long now = manager.now();
            for (int i = 0; i < count; i++) {
                HttpSessionImpl session = readSession(in, manager, loader);
                if (!session.isExpired(now)) {
                    manager.adopt(session);
                    activate(session);
                    restored++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } finally {
            Files.deleteIfExists(file); // Tomcat deletes it too: sessions must not come back twice
        }
        return restored;
    }

    private static HttpSessionImpl readSession(DataInputStream in, SessionManager manager, ClassLoader loader)
            throws IOException {
        String id = in.readUTF();
        long creation = in.readLong();
        long last = in.readLong();
        long current = in.readLong();
        int maxInactive = in.readInt();
        boolean isNew = in.readBoolean();
        HttpSessionImpl session = new HttpSessionImpl(manager, id, creation, last, current, maxInactive, isNew);
        int attributes = in.readInt();
        for (int a = 0; a < attributes; a++) {
            String name = in.readUTF();
            byte[] bytes = in.readNBytes(in.readInt());
            Object value = deserialize(id, name, bytes, loader);
            if (value != null) {
                session.restoreAttribute(name, value);
            }
        }
        return session;
    }

    private static Object deserialize(String id, String name, byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("Session {}: attribute '{}' could not be restored; dropped: {}", id, name, e.toString());
            return null;
        }
    }

    private static void activate(HttpSessionImpl session) {
        HttpSessionEvent event = new HttpSessionEvent(session);
        for (Object value : session.attributesSnapshot().values()) {
            if (value instanceof HttpSessionActivationListener l) {
                try {
                    l.sessionDidActivate(event);
                } catch (RuntimeException e) {
                    LOG.warn("Session {}: sessionDidActivate failed", session.getId(), e);
                }
            }
        }
    }
}
