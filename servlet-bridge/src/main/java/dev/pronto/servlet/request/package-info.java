/** Request-side parsers: path canonicalization, parameters, cookies, Accept-Language and Content-Type. */
package dev.pronto.servlet.request;
