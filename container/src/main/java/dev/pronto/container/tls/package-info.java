/** TLS: key material loading, the JDK or OpenSSL choice, SSL contexts with SNI, handshake guard and reload. */
package dev.pronto.container.tls;
