package dev.pronto.servlet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import dev.pronto.testing.RawHttpConnection;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session survives a graceful stop and a start of a new server over the same store directory, its attribute
 * deserialized as a class of the new application's own class loader.
 */
class PersistentSessionTest {

    /** The application's own type: each application loader defines its own copy. */
    public static final class Basket implements Serializable {
        private static final long serialVersionUID = 1L;
        public int items;
    }

    /** {@code /add} puts one more item in the basket; {@code /show} tells items and which loader defined it. */
    public static final class BasketServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpSession session = req.getSession();
            Object basket = session.getAttribute("basket");
            try {
                if (basket == null) {
                    basket = appClass().getConstructor().newInstance();
                    session.setAttribute("lock", new Object()); // not serializable: not persisted
                }
                if ("/add".equals(req.getPathInfo())) {
                    basket.getClass().getField("items").setInt(basket, basket.getClass().getField("items")
                            .getInt(basket) + 1);
                    session.setAttribute("basket", basket);
                }
                boolean ownLoader = basket.getClass() == appClass();
                resp.getWriter().print(basket.getClass().getField("items").getInt(basket) + " " + ownLoader + " "
                        + (session.getAttribute("lock") != null));
            } catch (ReflectiveOperationException e) {
                throw new IOException(e);
            }
        }

        private static Class<?> appClass() throws ClassNotFoundException {
            return Class.forName(Basket.class.getName(), true, Thread.currentThread().getContextClassLoader());
        }
    }

    /** Defines {@link Basket} itself (child first), like a web application's loader; the rest from the parent. */
    static final class AppLoader extends ClassLoader {
        AppLoader() {
            super(PersistentSessionTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Basket.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @TempDir
    Path storeDir;

    private ProntoServer start() throws Exception {
        return Pronto.server().config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.contextPath("/shop").classLoader(new AppLoader())
                        .servlet("/basket/*", new BasketServlet()).persistentSessions(storeDir)).start();
    }

    private static RawHttpConnection.Response get(ProntoServer server, String path, String cookie) throws IOException {
        try (RawHttpConnection c = RawHttpConnection.open(server.port())) {
            c.send("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "\r\n");
            return c.read();
        }
    }

    @Test
    void sessionSurvivesStopAndStartWithTheNewApplicationsClasses() throws Exception {
        ProntoServer first = start();
        String cookie;
        try {
            RawHttpConnection.Response created = get(first, "/shop/basket/add", null);
            assertEquals("1 true true", created.body());
            cookie = created.header("set-cookie").split(";")[0];
            assertEquals("2 true true", get(first, "/shop/basket/add", cookie).body());
            first.stop(Duration.ofSeconds(5));
        } finally {
            first.destroy();
        }
        assertTrue(Files.exists(storeDir.resolve("SESSIONS.ser")));

        ProntoServer second = start();
        try {
            RawHttpConnection.Response again = get(second, "/shop/basket/add", cookie);
            // same session, same basket; Basket is the new loader's class; the unserializable attribute is gone
            assertEquals("3 true false", again.body());
            assertEquals(null, again.header("set-cookie"));
        } finally {
            second.destroy();
        }
    }
}
