/** The access log: Tomcat-style patterns, a bounded queue and a writer thread, rotating files or SLF4J. */
package dev.pronto.servlet.accesslog;
