package dev.pronto.benchmarks.jmh;

import dev.pronto.servlet.mapping.MappingResult;
import dev.pronto.servlet.mapping.ServletMapper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Servlet 6.1 §12 mapping of one path in a table shaped like a real application's (a dozen patterns of every kind).
 * The bridge caches the result per path; this is the cost of a cache miss.
 *
 * <pre>java -jar benchmarks/target/benchmarks-jmh.jar Mapping -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class MappingBenchmark {

    @Param({"/plaintext", "/api/v1/orders/42/items", "/static/css/site.css", "/unknown/deep/path/page"})
    String path;

    private ServletMapper<String> mapper;

    @Setup(Level.Trial)
    public void setUp() {
        ServletMapper.Builder<String> builder = ServletMapper.builder();
        String[] patterns = {"/plaintext", "/json", "/api/*", "/api/v1/*", "/api/v1/orders/*", "/admin/*",
                "*.css", "*.js", "*.jsp", "/health", "", "/"};
        for (int i = 0; i < patterns.length; i++) {
            builder.add(patterns[i], "servlet" + i, "servlet" + i);
        }
        mapper = builder.build();
    }

    @Benchmark
    public MappingResult<String> map() {
        return mapper.map(path);
    }
}
