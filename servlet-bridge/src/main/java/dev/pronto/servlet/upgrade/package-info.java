/** Servlet 6.1 §2.3.3.5 protocol upgrade: {@code HttpServletRequest.upgrade}, {@code WebConnection} and its streams. */
package dev.pronto.servlet.upgrade;
