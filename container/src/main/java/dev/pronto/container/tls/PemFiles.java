package dev.pronto.container.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Reads PEM certificates (RFC 7468) and PKCS#8 / PKCS#1 private keys. Stateless. */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA"};

    private PemFiles() {
    }

    /** Every {@code CERTIFICATE} block of {@code file}, in file order (a chain: leaf first). */
    public static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher m = BLOCK.matcher(read(file));
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                Certificate c = factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2))));
                certificates.add((X509Certificate) c);
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("No PEM CERTIFICATE block in " + file);
        }
        return certificates;
    }

    /** The first private key block of {@code file}. */
    public static PrivateKey privateKey(Path file, String password) throws IOException, GeneralSecurityException {
        Matcher m = BLOCK.matcher(read(file));
        while (m.find()) {
            byte[] der = decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "ENCRYPTED PRIVATE KEY":
                    return encryptedPkcs8(der, password, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(rsaPkcs1ToPkcs8(der), file);
                default:
                    if (m.group(1).endsWith("PRIVATE KEY")) {
                        throw new GeneralSecurityException("Unsupported PEM key type '" + m.group(1) + "' in " + file
                                + ": convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
                    }
            }
        }
        throw new GeneralSecurityException("No PEM PRIVATE KEY block in " + file);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
        return fromSpec(new PKCS8EncodedKeySpec(der), file);
    }

    private static PrivateKey fromSpec(KeySpec spec, Path file) throws GeneralSecurityException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this algorithm: PKCS#8 names it inside, but KeyFactory needs it up front
            }
        }
        throw new GeneralSecurityException("Unreadable private key in " + file);
    }

    private static PrivateKey encryptedPkcs8(byte[] der, String password, Path file) throws GeneralSecurityException {
        if (password == null) {
            throw new GeneralSecurityException("The private key in " + file + " is encrypted: a password is needed");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // PBES2 (RFC 8018 §6.2, OpenSSL's default) names its real scheme only in the parameters'
            // string form (e.g. PBEWithHmacSHA256AndAES_256); PBES1 schemes name themselves
            String algorithm = info.getAlgName();
            if ((algorithm.equals("PBES2") || algorithm.equals(PBES2_OID)) && info.getAlgParameters() != null) {
                algorithm = info.getAlgParameters().toString();
            }
            Key secret = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray()));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
            return fromSpec(info.getKeySpec(cipher), file);
        } catch (IOException | GeneralSecurityException e) {
            throw new GeneralSecurityException("Cannot decrypt the private key in " + file + ": " + e.getMessage(), e);
        }
    }

    /** RFC 8017 A.1.2 key wrapped as RFC 5208 PrivateKeyInfo: {0, {rsaEncryption, NULL}, OCTET STRING key}. */
    private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
