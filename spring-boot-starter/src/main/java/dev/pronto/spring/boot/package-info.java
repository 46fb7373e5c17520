/** Spring Boot 4.1 support: the servlet web server factory, the web server and their auto-configuration. */
package dev.pronto.spring.boot;
