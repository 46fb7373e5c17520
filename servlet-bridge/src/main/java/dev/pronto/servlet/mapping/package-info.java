/** Servlet 6.1 §12 URL mapping: pattern parsing, servlet selection and filter matching. */
package dev.pronto.servlet.mapping;
