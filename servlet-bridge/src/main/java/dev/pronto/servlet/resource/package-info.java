/**
 * Static resources: resource bases (directory, classpath, composite), the MIME type table, and the default servlet
 * with validators, conditional and range requests, and zero-copy file bodies.
 */
package dev.pronto.servlet.resource;
