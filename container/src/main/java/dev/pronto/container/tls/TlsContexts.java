package dev.pronto.container.tls;

import dev.pronto.container.TlsConfig;
import dev.pronto.container.TlsKeyMaterial;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * One generation of the server's SSL contexts (the default one and those chosen by SNI), built from a
 * {@link TlsConfig}; makes the first handler of each new TLS connection. Immutable, thread-safe.
 */
final class TlsContexts {

    /** RFC 8446 §4.1.2 ClientHello is at most 2^16 bytes plus record framing; Netty's own cap. */
    private static final int MAX_CLIENT_HELLO = 0xffff;

    private final SslContext defaultContext;
    private final Mapping<String, SslContext> sni;
    private final long handshakeTimeoutMillis;

    private TlsContexts(SslContext defaultContext, Mapping<String, SslContext> sni, long handshakeTimeoutMillis) {
        this.defaultContext = defaultContext;
        this.sni = sni;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** Reads every key and trust file of {@code config} and builds the contexts. */
    static TlsContexts build(TlsConfig config, TlsProviderChoice choice, boolean http2)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> trust = config.trust() == null ? null : config.trust().load();
        SslContext defaultContext = context(config, config.key(), trust, choice, http2);
        Mapping<String, SslContext> sni = null;
        if (!config.sniKeys().isEmpty()) {
            DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(defaultContext);
            for (Map.Entry<String, TlsKeyMaterial> e : config.sniKeys().entrySet()) {
                mapping.add(e.getKey(), context(config, e.getValue(), trust, choice, http2));
            }
            sni = mapping.build();
        }
        return new TlsContexts(defaultContext, sni, config.handshakeTimeout().toMillis());
    }

    private static SslContext context(TlsConfig config, TlsKeyMaterial material, List<X509Certificate> trust,
                                      TlsProviderChoice choice, boolean http2)
            throws IOException, GeneralSecurityException {
        TlsKeyMaterial.Loaded key = material.load();
        SslContextBuilder builder = SslContextBuilder
                .forServer(key.privateKey(), key.chain().toArray(new X509Certificate[0]))
                .sslProvider(choice.provider())
                .clientAuth(switch (config.clientAuth()) {
                    case NONE -> ClientAuth.NONE;
                    case WANT -> ClientAuth.OPTIONAL;
                    case NEED -> ClientAuth.REQUIRE;
                });
        if (trust != null) {
            builder.trustManager(trust.toArray(new X509Certificate[0]));
        }
        if (!config.protocols().isEmpty()) {
            builder.protocols(config.protocols());
        }
        if (!config.ciphers().isEmpty()) {
            builder.ciphers(config.ciphers());
        } else if (http2) {
            // RFC 9113 §9.2.2: h2 needs TLS 1.2+ ciphers without the block list; Netty's list, as the provider has them
            builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
        }
        if (http2) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        try {
            return builder.build();
        } catch (javax.net.ssl.SSLException e) {
            throw new GeneralSecurityException("Cannot build the TLS context for " + material + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first handler of a new connection: an {@link SslHandler}, or an {@link SniHandler} that becomes one. */
    ChannelHandler newHandler(ByteBufAllocator alloc) {
        if (sni == null) {
            SslHandler handler = defaultContext.newHandler(alloc);
            handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            return handler;
        }
        long timeout = handshakeTimeoutMillis;
        return new SniHandler(sni, MAX_CLIENT_HELLO, timeout) {
            @Override
            protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
                SslHandler handler = super.newSslHandler(context, allocator);
                handler.setHandshakeTimeoutMillis(timeout); // the rest of the handshake, after the ClientHello
                return handler;
            }
        };
    }
}
