package dev.pronto.testing;

import io.netty.channel.uring.IoUring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The transports of {@link OnEachTransport}, as constants of the test method's first parameter type (the
 * container's {@code Transport}, named here so this module needs no dependency on the container). Stateless.
 */
public final class EachTransport implements ArgumentsProvider {

    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Enum> type = (Class<Enum>) context.getRequiredTestMethod().getParameterTypes()[0];
        List<String> names = new ArrayList<>(List.of("EPOLL", "NIO"));
        if (IoUring.isAvailable()) {
            names.add(1, "IO_URING");
        } else if (REPORTED.compareAndSet(false, true)) {
            System.out.println("io_uring tests skipped: " + IoUring.unavailabilityCause());
        }
        return names.stream().map(name -> Arguments.of(Enum.valueOf(type, name)));
    }
}
