/** The deployed web application: {@code ServletContext}, registrations, listeners and the start/stop life cycle. */
package dev.pronto.servlet.context;
