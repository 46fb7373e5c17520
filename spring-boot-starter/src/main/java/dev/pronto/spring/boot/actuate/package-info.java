/** Actuator support: the management server on its own port ({@code management.server.port}) also runs on Pronto. */
package dev.pronto.spring.boot.actuate;
