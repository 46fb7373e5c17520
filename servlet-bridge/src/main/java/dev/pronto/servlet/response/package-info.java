/** Response-side helpers: Set-Cookie formatting, HTTP dates and the content type / charset rules. */
package dev.pronto.servlet.response;
