package dev.pronto.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pronto.servlet.ProntoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner, in process and as its own JVM: several WARs on one port (a Spring Boot WAR among them), one log
 * line each, exit status 1 on a failed deployment, and a graceful stop on SIGTERM.
 */
class ProntoRunnerTest {

    static final Path BOOT_WAR = Path.of("target/wars/spring-boot-war.war");
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Path rootWar() throws Exception {
        Path root = dir.resolve("ROOT");
        Files.createDirectories(root);
        Files.writeString(root.resolve("index.html"), "root page");
        return root;
    }

    @Test
    void aSpringBootWarAndARootWarOnOnePort() throws Exception {
        ProntoServer server = ProntoRunner.start(BOOT_WAR.toString(), rootWar().toString(), "--port", "0",
                "--threads", "1");
        try {
            HttpResponse<String> greeting = get(server.port(), "/spring-boot-war/greet/pronto");
            assertEquals(200, greeting.statusCode(), greeting.body());
            assertTrue(greeting.body().contains("\"greeting\":\"Hello, pronto\""), greeting.body());
            assertTrue(greeting.body().contains("\"contextPath\":\"/spring-boot-war\""), greeting.body());
            assertEquals("root page", get(server.port(), "/").body());
            HttpResponse<String> page = get(server.port(), "/spring-boot-war/page/jsp");
            assertEquals(200, page.statusCode(), page.body()); // a JSP view with JSTL from the WAR's WEB-INF/lib
            assertTrue(page.body().contains("<h1>Hello, jsp</h1>") && page.body().contains("<li>s</li>"),
                    page.body());
        } finally {
            server.destroy();
        }
    }

    @Test
    void usersFileGuardsTheConstraintsOfADeployedWar() throws Exception {
        Path war = dir.resolve("secure");
        Files.createDirectories(war.resolve("WEB-INF"));
        Files.createDirectories(war.resolve("admin"));
        Files.writeString(war.resolve("admin/secret.txt"), "the secret");
        Files.writeString(war.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <security-constraint>
                    <web-resource-collection><url-pattern>/admin/*</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>admin</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>BASIC</auth-method><realm-name>runner</realm-name></login-config>
                  <security-role><role-name>admin</role-name></security-role>
                </web-app>
                """);
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "ada = " + dev.pronto.servlet.security.PasswordHash.hash("s3cret", 1000)
                + ", admin\n");
        ProntoServer server = ProntoRunner.start(war.toString(), "--port", "0", "--threads", "1", "--users",
                users.toString());
        try {
            assertEquals(401, get(server.port(), "/secure/admin/secret.txt").statusCode());
            String basic = java.util.Base64.getEncoder().encodeToString("ada:s3cret".getBytes());
            HttpResponse<String> in = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/secure/admin/secret.txt")).header("Authorization", "Basic " + basic)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, in.statusCode());
            assertEquals("the secret", in.body());
        } finally {
            server.destroy();
        }
    }

    /** Counts in its session: the WAR of {@link #twoRunnersShareSessionsThroughRedis}. */
    public static final class CounterServlet extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
                throws java.io.IOException {
            jakarta.servlet.http.HttpSession session = req.getSession();
            Integer n = (Integer) session.getAttribute("n");
            session.setAttribute("n", n == null ? 1 : n + 1);
            resp.getWriter().print(session.getAttribute("n") + "," + req.getRemoteAddr());
        }
    }

    @Test
    void twoRunnersShareSessionsThroughRedis() throws Exception {
        Path war = dir.resolve("count");
        Path classes = war.resolve("WEB-INF/classes/dev/pronto/runner");
        Files.createDirectories(classes);
        Files.copy(Path.of("target/test-classes/dev/pronto/runner/ProntoRunnerTest$CounterServlet.class"),
                classes.resolve("ProntoRunnerTest$CounterServlet.class"));
        Files.writeString(war.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <servlet><servlet-name>count</servlet-name>
                    <servlet-class>dev.pronto.runner.ProntoRunnerTest$CounterServlet</servlet-class></servlet>
                  <servlet-mapping><servlet-name>count</servlet-name><url-pattern>/n</url-pattern></servlet-mapping>
                </web-app>
                """);
        try (dev.pronto.testing.RedisServerProcess redis = dev.pronto.testing.RedisServerProcess.start()) {
            String[] args = {war.toString(), "--port", "0", "--threads", "1", "--session-store", redis.uri(),
                    "--trusted-proxies", "127.0.0.1"};
            ProntoServer first = ProntoRunner.start(args);
            ProntoServer second = ProntoRunner.start(args);
            try {
                HttpResponse<String> created = get(first.port(), "/count/n");
                assertEquals("1,127.0.0.1", created.body());
                String cookie = created.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                HttpResponse<String> next = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + second.port() + "/count/n")).header("Cookie", cookie).header("X-Forwarded-For", "192.0.2.1")
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals("2,192.0.2.1", next.body(), "the session from the other runner; the proxy trusted");
            } finally {
                first.destroy();
                second.destroy();
            }
        }
    }

    /** The runner's main class in its own JVM, with the class path the fat jar is made of; output to a file. */
    static Process launch(Path workDir, Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + workDir, "-cp", System.getProperty("java.class.path"),
                ProntoRunner.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits (at most a minute) for the process to log the line {@code pattern} finds. */
    static Matcher awaitLine(Process process, Path output, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = pattern.matcher(Files.readString(output));
            if (m.find()) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No line matching " + pattern + " in:\n" + Files.readString(output));
    }

    @Test
    void runsAsAProcessLogsEachApplicationAndStopsGracefullyOnSigterm() throws Exception {
        Path output = dir.resolve("runner.log");
        Process process = launch(dir, output, rootWar().toString(), "--port", "0", "--threads", "1");
        try {
            Matcher deployed = awaitLine(process, output, Pattern.compile("Deployed ROOT at http://localhost:(\\d+)/ "));
            assertEquals("root page", get(Integer.parseInt(deployed.group(1)), "/").body());
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String log = Files.readString(output);
            assertTrue(log.contains("Stopping: ") && log.contains("Stopped"), log);
            assertEquals(143, process.exitValue(), "128 + SIGTERM, after the shutdown hook ran");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aFailedDeploymentExitsWithStatusOne() throws Exception {
        Path log = dir.resolve("runner.log");
        Process process = launch(dir, log, dir.resolve("missing.war").toString(), "--port", "0");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("Deployment failed") && output.contains("missing.war"), output);
    }

    @Test
    void aBadCommandLineExitsWithStatusTwoAndNoStackTrace() throws Exception {
        for (String[] args : List.of(new String[] {"--port", "0"}, new String[] {"a.war", "--idle-timeout", "5x"},
                new String[] {"a.war", "--no-such-flag"})) {
            Path log = dir.resolve("runner.log");
            Process process = launch(dir, log, args);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String output = Files.readString(log);
            assertEquals(2, process.exitValue(), output);
            assertTrue(output.contains("Usage: java -jar pronto-runner.jar"), output);
            assertFalse(output.contains("Exception") || output.contains("\tat "), output);
        }
        Path log = dir.resolve("help.log");
        Process help = launch(dir, log, "--help");
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        assertTrue(Files.readString(log).contains("--ssl-key-store FILE"), Files.readString(log));
    }
}
