/** JMH micro-benchmarks; run from {@code benchmarks/target/benchmarks-jmh.jar}, never during the build. */
package dev.pronto.benchmarks.jmh;
