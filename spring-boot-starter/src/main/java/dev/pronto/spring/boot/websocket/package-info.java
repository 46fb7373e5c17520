/** Jakarta WebSocket for Boot apps on Pronto: what Boot's {@code WebSocketServletAutoConfiguration} does for Tomcat. */
package dev.pronto.spring.boot.websocket;
