package dev.pronto.runner;

import java.util.function.BiConsumer;

/**
 * One command-line flag of the runner: its name, the placeholder of its value ({@code null} for a switch), the
 * builder setting it maps to 1:1, the Spring Boot property of the same meaning, a line of help, and what it does
 * to the settings being collected. Immutable; the table is {@link RunnerFlags}.
 *
 * @param setting  the builder method the value goes to, e.g. {@code ServerConfig.idleTimeout}
 * @param property the Spring Boot property of the same meaning, or {@code null} when there is none
 */
record RunnerFlag(String name, String value, String setting, String property, String help,
                  BiConsumer<RunnerSettings, String> apply) {

    /** A flag taking a value. */
    static RunnerFlag of(String name, String value, String setting, String property, String help,
                         BiConsumer<RunnerSettings, String> apply) {
        return new RunnerFlag(name, value, setting, property, help, apply);
    }

    /** A switch: present means on. */
    static RunnerFlag onOff(String name, String setting, String property, String help,
                            java.util.function.Consumer<RunnerSettings> apply) {
        return new RunnerFlag(name, null, setting, property, help, (settings, ignored) -> apply.accept(settings));
    }

    boolean isSwitch() {
        return value == null;
    }

    /** The member of the builder ({@code idleTimeout} of {@code ServerConfig.idleTimeout}). */
    String member() {
        int dot = setting.lastIndexOf('.');
        String member = dot < 0 ? setting : setting.substring(dot + 1);
        int paren = member.indexOf('(');
        return paren < 0 ? member : member.substring(0, paren);
    }
}
