/**
 * Servlet 6.1 §13 security: constraints and their §13.8 combination, authentication mechanisms (BASIC, FORM,
 * DIGEST), realms, failed-login rate limiting and the per-request security state.
 */
package dev.pronto.servlet.security;
