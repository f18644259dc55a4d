package dev.strata.registry;

import dev.strata.core.StrataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the in-memory key store TLS needs from a PEM certificate chain and a PEM private key. */
final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
    /** DER of PKCS#8's AlgorithmIdentifier for rsaEncryption, to wrap a PKCS#1 key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {}

    static KeyStore keyStore(Path certificate, Path key, char[] password) {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(certificate)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
            }
            if (chain.length == 0) {
                throw failure(certificate + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("registry", privateKey(key), password, chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw failure(e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        Matcher m = BLOCK.matcher(Files.readString(file));
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
                        try {
                            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                        } catch (GeneralSecurityException e) {
                            // try the next algorithm
                        }
                    }
                    throw failure(file + " holds a private key of an unsupported algorithm");
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8FromPkcs1(der)));
                }
                case "EC PRIVATE KEY" -> throw failure(file + " holds a SEC1 EC key; convert it to PKCS#8 with "
                        + "`openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
                default -> {
                    // not a key block (parameters, a certificate): look further
                }
            }
        }
        throw failure(file + " holds no unencrypted PEM private key");
    }

    private static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }

    private static StrataException failure(String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot set up TLS: " + reason);
    }
}
