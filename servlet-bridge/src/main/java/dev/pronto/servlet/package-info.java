/** Jakarta Servlet 6.1 on Pronto's core: the embedding builder and the bridge from the core SPI to servlets. */
package dev.pronto.servlet;
