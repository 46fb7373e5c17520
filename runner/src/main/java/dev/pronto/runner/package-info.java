/** The command-line runner: {@code java -jar pronto-runner.jar app.war [other.war ...] [flags]}. */
package dev.pronto.runner;
