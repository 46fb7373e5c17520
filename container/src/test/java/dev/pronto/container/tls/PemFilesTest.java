package dev.pronto.container.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM private keys in the forms {@link PemFiles} reads: PKCS#8, encrypted PKCS#8, PKCS#1 RSA. */
class PemFilesTest {

    @TempDir
    Path dir;

    private Path pem(String type, byte[] der) throws Exception {
        Path file = dir.resolve(type.replace(' ', '-') + ".pem");
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n");
        return file;
    }

    @Test
    void plainPkcs8EcAndRsa() throws Exception {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            assertArrayEquals(pkcs8, PemFiles.privateKey(pem("PRIVATE KEY", pkcs8), null).getEncoded());
        }
    }

    @Test
    void pkcs1RsaIsWrappedAsPkcs8() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        // a 2048-bit key's PrivateKeyInfo: 4-byte SEQUENCE head, version (3), algorithm (15), 4-byte OCTET STRING head
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertArrayEquals(pkcs8, PemFiles.privateKey(pem("RSA PRIVATE KEY", pkcs1), null).getEncoded());
    }

    @Test
    void encryptedPkcs8NeedsItsPassword() throws Exception {
        byte[] pkcs8 = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        // PBES1 (PKCS#12 scheme): Java 17 cannot name a PBES2 scheme in EncryptedPrivateKeyInfo's constructor
        String scheme = "PBEWithSHA1AndDESede";
        AlgorithmParameters parameters = AlgorithmParameters.getInstance(scheme);
        parameters.init(new PBEParameterSpec(new byte[8], 10_000));
        SecretKey secret = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec("pw".toCharArray()));
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.ENCRYPT_MODE, secret, parameters);
        byte[] encrypted = new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(pkcs8)).getEncoded();
        Path file = pem("ENCRYPTED PRIVATE KEY", encrypted);

        assertArrayEquals(pkcs8, PemFiles.privateKey(file, "pw").getEncoded());
        GeneralSecurityException noPassword = assertThrows(GeneralSecurityException.class,
                () -> PemFiles.privateKey(file, null));
        assertTrue(noPassword.getMessage().contains("password"), noPassword.getMessage());
        assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(file, "wrong"));
    }

    @Test
    void sec1EcKeysAreRefusedWithAHint() throws Exception {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> PemFiles.privateKey(pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}), null));
        assertTrue(e.getMessage().contains("pkcs8"), e.getMessage());
    }
}
