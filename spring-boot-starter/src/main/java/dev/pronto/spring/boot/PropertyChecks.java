package dev.pronto.spring.boot;

import java.time.Duration;

/**
 * The checks {@code server.pronto.*} setters share, so that Boot's failure report names the property, its value
 * and its origin when a value {@code ServerConfig} would refuse is bound. Stateless.
 */
final class PropertyChecks {

    private PropertyChecks() {
    }

    static Integer atLeastOne(Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }

    static Duration positive(Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("must be a positive duration");
        }
        return value;
    }
}
