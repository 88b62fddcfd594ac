package io.fileintegrity.reporting.metrics;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written as PEM files as a TLS secret has them. */
final class SelfSignedCertificate {

    private static final String PASSWORD = "changeit";

    final Path certificate;
    final Path pkcs8Key;
    final Path pkcs1Key;
    private final Certificate cert;

    private SelfSignedCertificate(Path certificate, Path pkcs8Key, Path pkcs1Key, Certificate cert) {
        this.certificate = certificate;
        this.pkcs8Key = pkcs8Key;
        this.pkcs1Key = pkcs1Key;
        this.cert = cert;
    }

    /** Makes a new key pair and certificate in {@code dir} (files named after {@code name}). */
    static SelfSignedCertificate create(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "metrics", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + out);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate cert = keys.getCertificate("metrics");
        byte[] pkcs8 = ((PrivateKey) keys.getKey("metrics", PASSWORD.toCharArray())).getEncoded();
        Path certificate = Files.writeString(dir.resolve(name + ".crt"), pem("CERTIFICATE", cert.getEncoded()));
        Path pkcs8Key = Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", pkcs8));
        Path pkcs1Key = Files.writeString(dir.resolve(name + "-rsa.key"), pem("RSA PRIVATE KEY", unwrapPkcs8(pkcs8)));
        return new SelfSignedCertificate(certificate, pkcs8Key, pkcs1Key, cert);
    }

    /** A client context trusting only this certificate. */
    SSLContext trustingClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("metrics", cert);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
    static byte[] unwrapPkcs8(byte[] pkcs8) {
        int[] position = {0};
        List<Integer> outer = header(pkcs8, position); // SEQUENCE
        if (outer.get(0) != 0x30) {
            throw new IllegalArgumentException("not a SEQUENCE");
        }
        skip(pkcs8, position); // INTEGER version
        skip(pkcs8, position); // AlgorithmIdentifier
        List<Integer> octets = header(pkcs8, position);
        return Arrays.copyOfRange(pkcs8, position[0], position[0] + octets.get(1));
    }

    private static void skip(byte[] der, int[] position) {
        int length = header(der, position).get(1); // (not "position[0] += header(...)": that adds to the old value)
        position[0] += length;
    }

    /** Reads tag and length at {@code position}, leaving it at the content. */
    private static List<Integer> header(byte[] der, int[] position) {
        int tag = der[position[0]++] & 0xff;
        int length = der[position[0]++] & 0xff;
        if (length >= 0x80) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[position[0]++] & 0xff);
            }
        }
        return List.of(tag, length);
    }
}
