/** Static resource support: the extension to MIME type table. */
package dev.pronto.servlet.resource;
