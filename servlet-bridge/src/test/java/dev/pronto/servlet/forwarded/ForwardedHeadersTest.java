package dev.pronto.servlet.forwarded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trust matching and the resolution of RFC 7239 and X-Forwarded-* values. */
class ForwardedHeadersTest {

    private static final ForwardedHeaders TRUST_TEN = ForwardedHeaders.trusting("10.0.0.0/8");
    private static final InetSocketAddress PROXY = new InetSocketAddress(ip("10.0.0.9"), 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress(ip("198.51.100.1"), 40000);

    private static InetAddress ip(String literal) {
        InetAddress address = IpLiteral.parse(literal);
        if (address == null) {
            throw new IllegalArgumentException(literal);
        }
        return address;
    }

    private static HttpHeaders headers(String... nameValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    private static ForwardedValues resolve(String... nameValues) {
        return TRUST_TEN.resolve(headers(nameValues), PROXY);
    }

    @Test
    void nothingFromAnUntrustedPeer() {
        HttpHeaders spoofed = headers("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https",
                "Forwarded", "for=203.0.113.7;proto=https");
        assertEquals(ForwardedValues.NONE, TRUST_TEN.resolve(spoofed, STRANGER));
        assertEquals(ForwardedValues.NONE, TRUST_TEN.resolve(spoofed, null));
    }

    @Test
    void xForwardedForWalksFromTheRightPastTrustedProxies() {
        assertEquals("203.0.113.7", resolve("X-Forwarded-For", "203.0.113.7").remoteAddr());
        assertEquals("203.0.113.7", resolve("X-Forwarded-For", "203.0.113.7, 10.0.0.5").remoteAddr());
        assertEquals("203.0.113.7", resolve("X-Forwarded-For", "1.1.1.1, 203.0.113.7, 10.0.0.5").remoteAddr(),
                "what the client itself put on the left is not believed");
        assertEquals("203.0.113.7", resolve("X-Forwarded-For", "1.1.1.1", "X-Forwarded-For", "203.0.113.7")
                .remoteAddr(), "several field lines are one list");
        assertEquals("10.0.0.1", resolve("X-Forwarded-For", "10.0.0.1, 10.0.0.2").remoteAddr(), "all trusted");
        ForwardedValues withPort = resolve("X-Forwarded-For", "203.0.113.7:5555");
        assertEquals("203.0.113.7", withPort.remoteAddr());
        assertEquals(5555, withPort.remotePort());
        assertEquals("2001:db8:0:0:0:0:0:1", resolve("X-Forwarded-For", "2001:db8::1").remoteAddr());
        assertNull(resolve("X-Forwarded-For", "garbage").remoteAddr(), "an unknown client: the socket peer stays");
    }

    @Test
    void xForwardedProtoHostAndPort() {
        ForwardedValues v = resolve("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "HTTPS",
                "X-Forwarded-Host", "shop.example");
        assertEquals(new ForwardedValues("https", "shop.example", 443, "203.0.113.7", -1), v);
        assertEquals(8443, resolve("X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example",
                "X-Forwarded-Port", "8443").port());
        assertEquals(9000, resolve("X-Forwarded-Host", "shop.example:9000").port());
        assertEquals(80, resolve("X-Forwarded-Host", "shop.example").port());
        assertEquals(new ForwardedValues("https", null, -1, null, -1), resolve("X-Forwarded-Proto", "https"),
                "proto alone: the port comes from the Host header and the scheme");
        assertEquals("[2001:db8::1]", resolve("X-Forwarded-Host", "[2001:db8::1]:8080").host());
    }

    @Test
    void listsAlignWithTheClientOrTheLastEntryIsUsed() {
        ForwardedValues aligned = resolve("X-Forwarded-For", "203.0.113.7, 10.0.0.5",
                "X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "shop.example, internal.lan");
        assertEquals("https", aligned.scheme());
        assertEquals("shop.example", aligned.host());
        assertEquals("https", resolve("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "http, https")
                .scheme(), "not aligned: the entry of the proxy next to us");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/path", "user@evil.example", "evil.example:99999", "a b", "[not-ip]",
        "evil.example:", "%65vil"})
    void malformedHostsAreIgnored(String host) {
        assertNull(resolve("X-Forwarded-Host", host).host(), host);
    }

    @Test
    void malformedSchemesAndPortsAreIgnored() {
        assertNull(resolve("X-Forwarded-Proto", "ht tp").scheme());
        assertNull(resolve("X-Forwarded-Proto", "1http").scheme());
        assertEquals(-1, resolve("X-Forwarded-Port", "eighty").port());
    }

    @Test
    void rfc7239Elements() {
        ForwardedValues v = resolve("Forwarded", "for=192.0.2.60;proto=https;host=shop.example, for=10.0.0.5");
        assertEquals(new ForwardedValues("https", "shop.example", 443, "192.0.2.60", -1), v);
        ForwardedValues v6 = resolve("Forwarded", "For=\"[2001:db8:cafe::17]:4711\";Proto=http;Host=\"a.example:81\"");
        assertEquals(new ForwardedValues("http", "a.example", 81, "2001:db8:cafe:0:0:0:0:17", 4711), v6);
        assertEquals("192.0.2.60", resolve("Forwarded", "for=1.2.3.4", "Forwarded", "for=192.0.2.60").remoteAddr());
        assertEquals("https", resolve("Forwarded", "proto=https").scheme(), "no for= at all");
    }

    @Test
    void rfc7239UnknownOrObfuscatedClientFallsBackToTheProxyThatReportedIt() {
        assertEquals("10.0.0.5", resolve("Forwarded", "for=unknown, for=10.0.0.5").remoteAddr());
        assertEquals("10.0.0.5", resolve("Forwarded", "for=_hidden;proto=https, for=10.0.0.5").remoteAddr());
        assertEquals("https", resolve("Forwarded", "for=_hidden;proto=https, for=10.0.0.5").scheme());
        assertNull(resolve("Forwarded", "for=unknown").remoteAddr());
        assertEquals(-1, resolve("Forwarded", "for=\"192.0.2.1:_port\"").remotePort());
    }

    @Test
    void forwardedWinsOverXForwarded() {
        ForwardedValues v = resolve("Forwarded", "for=192.0.2.60;proto=http", "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https");
        assertEquals("192.0.2.60", v.remoteAddr());
        assertEquals("http", v.scheme());
    }

    @Test
    void malformedForwardedPairsAreSkipped() {
        ForwardedValues v = resolve("Forwarded", "junk; for=192.0.2.60;;proto=\"https\";for=1.1.1.1, =x, ;");
        assertEquals("192.0.2.60", v.remoteAddr(), "a repeated parameter keeps its first value");
        assertEquals("https", v.scheme());
        assertEquals(ForwardedValues.NONE, resolve("Forwarded", ", ;, junk"));
    }

    @Test
    void cidrMatching() {
        IpRange ten = IpRange.parse("10.0.0.0/8");
        assertTrue(ten.contains(ip("10.255.0.1")));
        assertFalse(ten.contains(ip("11.0.0.0")));
        assertFalse(ten.contains(ip("::1")));
        assertTrue(IpRange.parse("172.16.0.0/12").contains(ip("172.31.255.255")));
        assertFalse(IpRange.parse("172.16.0.0/12").contains(ip("172.32.0.0")));
        assertTrue(IpRange.parse("fc00::/7").contains(ip("fd12:3456::1")));
        assertTrue(IpRange.parse("192.0.2.7").contains(ip("192.0.2.7")));
        assertFalse(IpRange.parse("192.0.2.7").contains(ip("192.0.2.8")));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        assertTrue(IpRange.parse("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")), "IPv4-mapped is IPv4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "1.2.3", "1.2.3.4.5",
        "256.1.1.1", ""})
    void badTrustEntriesAreRefused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> ForwardedHeaders.trusting(entry));
    }

    @Test
    void literalsNeverResolveNames() {
        assertNull(IpLiteral.parse("localhost"));
        assertNull(IpLiteral.parse("abc"));
        assertNull(IpLiteral.parse("dead:beef"));
        assertNull(IpLiteral.parse("fe80::1%eth0"));
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("::1").getHostAddress());
    }

    @Test
    void privateNetworksByDefault() {
        ForwardedHeaders defaults = ForwardedHeaders.trustingPrivateNetworks();
        for (String trusted : new String[] {"127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.0.1",
            "100.64.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertTrue(defaults.isTrusted(ip(trusted)), trusted);
        }
        for (String untrusted : new String[] {"8.8.8.8", "172.32.0.1", "2001:db8::1", "100.128.0.1"}) {
            assertFalse(defaults.isTrusted(ip(untrusted)), untrusted);
        }
    }
}
