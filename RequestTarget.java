package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.FilterHolder;
import dev.pronto.servlet.context.ServletHolder;
import dev.pronto.servlet.mapping.MappingResult;

/**
 * Where a path goes for one dispatcher type: the mapped servlet with its path elements and the filters in chain
 * order. Computed once per (type, path) and cached. Immutable.
 */
record RequestTarget(MappingResult<ServletHolder> mapping, FilterHolder[] filters, boolean asyncSupported,
                     boolean inline) {

    ServletHolder servlet() {
        return mapping.target();
    }
}
