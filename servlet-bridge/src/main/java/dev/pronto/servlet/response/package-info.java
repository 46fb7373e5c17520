/** The servlet response: the committer, the output stream, Set-Cookie formatting, content type and charset rules. */
package dev.pronto.servlet.response;
