package io.fileintegrity.reporting.metrics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * A TLS server identity read from PEM files as a Kubernetes TLS secret holds them ({@code tls.crt}: the
 * certificate chain, {@code tls.key}: the private key), e.g. the serving certificate OpenShift's service-ca writes
 * for FIO's metrics Service. Keys: PKCS#8 ({@code PRIVATE KEY}; RSA or EC) and PKCS#1 ({@code RSA PRIVATE KEY},
 * what service-ca writes). Every problem names the file. The files are read again when they change
 * ({@link RotatingKeyManager}).
 */
final class PemKeyMaterial {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** DER of AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeyMaterial() {
    }

    /**
     * An SSL context serving the certificate chain of {@code certificateFile} with the key of {@code keyFile},
     * read again when the files change (looked at once a minute at most).
     */
    static SSLContext serverContext(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
        return serverContext(certificateFile, keyFile, Duration.ofMinutes(1), Clock.systemUTC());
    }

    static SSLContext serverContext(Path certificateFile, Path keyFile, Duration recheck, Clock clock)
            throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new RotatingKeyManager(certificateFile, keyFile, recheck, clock)}, null, null);
        return context;
    }

    /** The certificates of a PEM file, leaf first. */
    static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] pem = Files.readAllBytes(file);
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)).stream().map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
            }
            return chain;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The private key of a PEM file. */
    static PrivateKey privateKey(Path file) throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!block.find()) {
            throw new IOException(file + ": no PEM block (-----BEGIN ... PRIVATE KEY-----) in it");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM block is not valid base64: " + e.getMessage(), e);
        }
        return switch (block.group(1)) {
            case "PRIVATE KEY" -> pkcs8(file, der, "RSA", "EC");
            case "RSA PRIVATE KEY" -> pkcs8(file, wrapPkcs1(der), "RSA");
            default -> throw new IOException(file + ": a '" + block.group(1) + "' block is not supported; give an "
                    + "unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt) or a PKCS#1 RSA key");
        };
    }

    private static PrivateKey pkcs8(Path file, byte[] der, String... algorithms) throws IOException {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": not a " + String.join(" or ", algorithms) + " private key");
    }

    /** PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, rsaEncryption, OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(der(0x04, pkcs1));
        return der(0x30, body.toByteArray());
    }

    /** One DER element: tag, definite length, content. */
    static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Signs with the key and verifies with the certificate: a key of another certificate is named as such. */
    static void requireMatch(PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "fio metrics".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        boolean matches;
        try {
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false; // e.g. an RSA key with an EC certificate
        }
        if (!matches) {
            throw new IOException(keyFile + ": this key does not belong to the first certificate of " + certificateFile);
        }
    }
}
