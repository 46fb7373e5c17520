/** The command-line runner: {@code java -jar pronto-runner.jar app.war [other.war ...] [--port N] [--threads N]}. */
package dev.pronto.runner;
