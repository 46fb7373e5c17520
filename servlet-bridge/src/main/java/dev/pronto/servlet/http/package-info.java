/** HTTP field syntax shared by the request and response sides: HTTP dates (RFC 9110 §5.6.7), media types and charsets. */
package dev.pronto.servlet.http;
