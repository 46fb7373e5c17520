package dev.pronto.servlet.request;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The Servlet 6.1 §3.10 TLS request attributes of a connection's {@link SSLSession}: client certificate chain, cipher
 * suite, key size, session id and protocol. Stateless.
 */
final class TlsRequestAttributes {

    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";
    static final String KEY_SIZE = "jakarta.servlet.request.key_size";
    static final String SESSION_ID = "jakarta.servlet.request.ssl_session_id";
    static final String PROTOCOL = "jakarta.servlet.request.secure_protocol";

    private TlsRequestAttributes() {
    }

    /** Attribute name to value; a client that sent no certificate has no {@link #CERTIFICATES} entry. */
    static Map<String, Object> of(SSLSession session) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        X509Certificate[] chain = peerChain(session);
        if (chain != null) {
            attributes.put(CERTIFICATES, chain);
        }
        String cipher = session.getCipherSuite();
        attributes.put(CIPHER_SUITE, cipher);
        Integer keySize = keySize(cipher);
        if (keySize != null) {
            attributes.put(KEY_SIZE, keySize);
        }
        byte[] id = session.getId();
        if (id != null && id.length > 0) {
            attributes.put(SESSION_ID, HexFormat.of().formatHex(id));
        }
        attributes.put(PROTOCOL, session.getProtocol());
        return attributes;
    }

    private static X509Certificate[] peerChain(SSLSession session) {
        try {
            Certificate[] certificates = session.getPeerCertificates();
            X509Certificate[] chain = new X509Certificate[certificates.length];
            for (int i = 0; i < certificates.length; i++) {
                chain[i] = (X509Certificate) certificates[i];
            }
            return chain.length == 0 ? null : chain;
        } catch (SSLPeerUnverifiedException e) {
            return null; // no client certificate
        }
    }

    /** The bulk cipher's key length in bits, read from the suite name as Tomcat does (the session does not say). */
    static Integer keySize(String cipher) {
        if (cipher == null) {
            return null;
        }
        if (cipher.contains("CHACHA20") || cipher.contains("_256")) {
            return 256;
        }
        if (cipher.contains("3DES") || cipher.contains("DES_EDE")) {
            return 168;
        }
        if (cipher.contains("_128")) {
            return 128;
        }
        return null;
    }
}
