/** Forwarded headers (RFC 7239 and X-Forwarded-*) from trusted proxies: trust matching and resolution. */
package dev.pronto.servlet.forwarded;
