package dev.pronto.servlet.multipart;

import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The server side of {@link LargeUploadTest}, run in a child JVM with a small heap: one upload servlet that
 * reports each part's size and CRC32, the part files present while the request runs, and the peak heap use.
 * Prints {@code PORT n} once listening; exits when its standard input closes.
 */
public final class UploadServerMain {

    private UploadServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path location = Path.of(args[0]);
        MultipartConfigElement config = new MultipartConfigElement(location.toString(), -1, -1, 1024 * 1024);
        ProntoServer server = Pronto.server()
                .config(c -> c.port(0).host("127.0.0.1").ioThreads(1))
                .webapp(app -> app.servlet("upload", new UploadServlet(location), reg -> {
                    reg.addMapping("/upload");
                    reg.setMultipartConfig(config);
                }))
                .start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent keeps our stdin open while it needs us
        }
        server.close();
    }

    /** Reports each part as {@code name size crc32}, then the part files seen and the peak heap in bytes. */
    public static final class UploadServlet extends HttpServlet {
        private final Path location;

        UploadServlet(Path location) {
            this.location = location;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            resp.getWriter().print("reset");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            StringBuilder report = new StringBuilder();
            for (Part part : req.getParts()) {
                CRC32 crc = new CRC32();
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = part.getInputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                    }
                }
                report.append("part ").append(part.getName()).append(' ').append(part.getSize()).append(' ')
                        .append(Long.toHexString(crc.getValue())).append('\n');
            }
            try (Stream<Path> files = Files.list(location)) {
                report.append("files ").append(files.count()).append('\n');
            }
            report.append("peakHeap ").append(peakHeap()).append('\n');
            resp.getWriter().print(report);
        }

        private static long peakHeap() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }
    }
}
