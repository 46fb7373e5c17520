package dev.pronto.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * CLIENT-CERT authentication (Servlet 6.1 §13.6.4): the user is the subject of the certificate the client proved
 * in the TLS handshake (the {@code jakarta.servlet.request.X509Certificate} attribute, §3.10; the chain was checked
 * against the server's trust store then). The realm is asked for the subject's distinguished name as the
 * certificate gives it (RFC 2253, e.g. {@code CN=alice,O=Example}), then in the form Tomcat names such users
 * ({@code X500Principal.toString()}: {@code CN=alice, O=Example}), then for its common name ({@code alice}).
 * Without a certificate the answer is 403: there is no challenge a browser could answer (the server must ask for
 * certificates: {@code TlsConfig.clientAuth} WANT or NEED). Thread-safe.
 */
final class ClientCertAuthenticator implements Authenticator {

    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final RealmLogin login;

    ClientCertAuthenticator(RealmLogin login) {
        this.login = login;
    }

    @Override
    public String authType() {
        return HttpServletRequest.CLIENT_CERT_AUTH;
    }

    @Override
    public Attempt credentials(HttpServletRequest request) {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain) || chain.length == 0) {
            return Attempt.NONE;
        }
        String address = request.getRemoteAddr();
        Realm realm = login.realm();
        String dn = chain[0].getSubjectX500Principal().getName();
        UserPrincipal user = realm == null ? null : find(realm, dn, chain[0].getSubjectX500Principal().toString());
        return user != null ? login.succeeded(user, address) : login.failed(dn, address, authType());
    }

    /** The subject's user by each of its names in turn: RFC 2253, Tomcat's (with ", "), the common name. */
    private static UserPrincipal find(Realm realm, String dn, String tomcatName) {
        UserPrincipal user = realm.user(dn);
        if (user == null && !tomcatName.equals(dn)) {
            user = realm.user(tomcatName);
        }
        String cn = user == null ? commonName(dn) : null;
        return cn == null ? user : realm.user(cn);
    }

    /** The subject's most specific CN, or null when it has none. */
    static String commonName(String dn) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(dn).getRdns()) { // least specific first
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    @Override
    public void challenge(HttpServletRequest request, HttpServletResponse response, boolean stale)
            throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "A client certificate is required");
    }
}
