/** In-memory HTTP sessions: the store SPI, the session, its manager, listeners and cookie configuration. */
package dev.pronto.servlet.session;
