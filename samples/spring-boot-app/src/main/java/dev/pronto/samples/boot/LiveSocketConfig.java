package dev.pronto.samples.boot;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The live page's server side, plain Spring WebSocket as on Tomcat: a raw echo handler at {@code /ws/echo}, and STOMP
 * (with SockJS fallback) at {@code /stomp} where {@code /app/count} bumps a counter broadcast on {@code /topic/count}.
 */
@Configuration
@EnableWebSocket
@EnableWebSocketMessageBroker
public class LiveSocketConfig implements WebSocketConfigurer, WebSocketMessageBrokerConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new EchoHandler(), "/ws/echo");
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/stomp").withSockJS();
        registry.setPreserveReceiveOrder(true); // one client's frames are handled in the order they were sent
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    /** Echoes each text message with an "echo: " prefix. */
    static final class EchoHandler extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(new TextMessage("echo: " + message.getPayload()));
        }
    }

    /** A shared counter: every {@code /app/count} message increments it and everyone subscribed sees the value. */
    @Controller
    static class CounterController {
        private final AtomicLong count = new AtomicLong();

        @MessageMapping("/count")
        @SendTo("/topic/count")
        public String count(String by) {
            return Long.toString(count.incrementAndGet());
        }
    }
}
