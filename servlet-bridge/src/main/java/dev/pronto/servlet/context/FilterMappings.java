package dev.pronto.servlet.context;

import java.util.ArrayList;
import java.util.List;

/**
 * Filter mappings in the order the chain applies them (Servlet 6.1 §6.2.4): those added with
 * {@code isMatchAfter=false} before those added with {@code true}, each group in declaration order.
 * Written while configuring, read-only afterwards.
 */
public final class FilterMappings {

    private final List<FilterHolder.Mapping> before = new ArrayList<>();
    private final List<FilterHolder.Mapping> after = new ArrayList<>();
    private volatile List<FilterHolder.Mapping> all = List.of();

    synchronized void add(FilterHolder.Mapping mapping, boolean isMatchAfter) {
        (isMatchAfter ? after : before).add(mapping);
        List<FilterHolder.Mapping> merged = new ArrayList<>(before);
        merged.addAll(after);
        all = List.copyOf(merged);
    }

    /** Every mapping, in chain order. */
    public List<FilterHolder.Mapping> all() {
        return all;
    }
}
