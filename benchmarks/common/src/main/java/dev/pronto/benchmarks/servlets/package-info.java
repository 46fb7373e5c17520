/** The servlets that every servlet server in the benchmark runs, Pronto and its peers alike. */
package dev.pronto.benchmarks.servlets;
