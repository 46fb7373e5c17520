package dev.pronto.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds a program installed on this machine (Debian packages), or skips the test with the reason printed. */
public final class ExternalBinary {

    private ExternalBinary() {
    }

    /** The program's path; skips the calling test (printing why and what to install) when it is absent. */
    public static Path require(String program, String debianPackage) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            String reason = program + " is not installed here, so this test is skipped (CI installs it: "
                    + "apt-get install -y " + debianPackage + ")";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }

    public static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin"));
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A port free right now on the loopback interface (for programs that cannot be told to take port 0). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
