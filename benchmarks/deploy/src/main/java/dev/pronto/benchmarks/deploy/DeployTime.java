package dev.pronto.benchmarks.deploy;

import dev.pronto.deploy.WarDeployment;
import dev.pronto.servlet.Pronto;
import dev.pronto.servlet.ProntoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times the deployment of a WAR, phase by phase: <b>read</b> (hash, unpack, parse descriptors, scan the class
 * files, find initializers: {@code WarDeployment}), <b>build</b> (load the declared servlet, filter and listener
 * classes), <b>start</b> (initializers, listeners, filters, load-on-startup servlets, bind), then checks one URL.
 * Each run is in this JVM; run 1 is also the JVM's first (cold JIT), with an empty work directory ("unpack");
 * later runs alternate an empty and a reused work directory. Usage:
 * {@code java -jar benchmarks/target/deploy-time.jar [war] [--runs N] [--check /path]}. Single-threaded.
 */
public final class DeployTime {

    private DeployTime() {
    }

    /** One deployment's phases in milliseconds. */
    record Run(boolean unpacked, double read, double build, double start) {
        double total() {
            return read + build + start;
        }
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of("benchmarks/deploy/target/wars/hawtio-war.war");
        int runs = 7;
        String check = "/hawtio-war/auth/config";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--check" -> check = args[++i];
                default -> war = Path.of(args[i]);
            }
        }
        Path work = Files.createTempDirectory("pronto-deploy-time");
        List<Run> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                boolean fresh = i % 2 == 0;
                if (fresh) {
                    delete(work);
                    Files.createDirectories(work);
                }
                results.add(deployOnce(war, work, check, fresh));
            }
        } finally {
            delete(work);
        }
        report(war, results);
    }

    private static Run deployOnce(Path war, Path work, String check, boolean fresh) throws Exception {
        long t0 = System.nanoTime();
        ProntoServer.Builder builder = Pronto.server().config(c -> c.port(0).host("127.0.0.1"))
                .webapp(WarDeployment.builder(war).workDirectory(work).build());
        long t1 = System.nanoTime();
        ProntoServer server = builder.build();
        long t2 = System.nanoTime();
        try {
            server.start();
            long t3 = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + check)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(check + " answered " + response.statusCode());
            }
            return new Run(fresh, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2));
        } finally {
            server.destroy();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void report(Path war, List<Run> results) {
        System.out.printf("%nDeployment of %s (%d KiB), Java %s, %d processors%n", war.getFileName(),
                war.toFile().length() / 1024, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| run | work directory | read ms | build ms | start ms | total ms |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            System.out.printf("| %d | %s | %.0f | %.0f | %.0f | %.0f |%n", i + 1, r.unpacked() ? "empty (unpack)"
                    : "reused", r.read(), r.build(), r.start(), r.total());
        }
        double[] warm = results.stream().skip(1).mapToDouble(Run::total).sorted().toArray();
        if (warm.length > 0) {
            System.out.printf("median of runs 2..%d: %.0f ms%n", results.size(), warm[warm.length / 2]);
        }
        System.out.println(Arrays.toString(results.stream().mapToDouble(Run::total).toArray()));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
