/** WAR deployment: a WAR file or exploded directory becomes a web application on the servlet bridge. */
package dev.pronto.deploy;
