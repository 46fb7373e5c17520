/** Jakarta WebSocket 2.2 on Pronto: Tyrus driven from the upgraded Netty channel. */
package dev.pronto.websocket;
