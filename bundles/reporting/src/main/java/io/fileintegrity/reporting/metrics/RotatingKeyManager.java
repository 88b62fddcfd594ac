package io.fileintegrity.reporting.metrics;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The metrics port's certificate and key, read again when their files change (OpenShift's service-ca rotates
 * the serving certificate; FIO reloads it too). Files are looked at, at most once per {@code recheck}, during a
 * TLS handshake; a rotation that cannot be read (half-written secret) keeps the previous pair and is logged.
 */
final class RotatingKeyManager extends X509ExtendedKeyManager {

    static final String ALIAS = "metrics";
    private static final Logger LOG = Logger.getLogger(RotatingKeyManager.class.getName());

    /** One loaded pair and the modification times it was read at. */
    private record Loaded(X509Certificate[] chain, PrivateKey key, List<FileTime> times) {
    }

    private final Path certificateFile;
    private final Path keyFile;
    private final Duration recheck;
    private final Clock clock;
    private volatile Loaded loaded;
    private volatile Instant nextCheck;

    /** Reads the pair now; fails naming the file when it cannot be used. */
    RotatingKeyManager(Path certificateFile, Path keyFile, Duration recheck, Clock clock)
            throws IOException, GeneralSecurityException {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.recheck = recheck;
        this.clock = clock;
        this.loaded = load();
        this.nextCheck = clock.instant().plus(recheck);
    }

    private Loaded load() throws IOException, GeneralSecurityException {
        List<FileTime> times = times();
        List<X509Certificate> chain = PemKeyMaterial.certificates(certificateFile);
        PrivateKey key = PemKeyMaterial.privateKey(keyFile);
        PemKeyMaterial.requireMatch(key, chain.get(0), certificateFile, keyFile);
        return new Loaded(chain.toArray(new X509Certificate[0]), key, times);
    }

    private List<FileTime> times() throws IOException {
        return List.of(Files.getLastModifiedTime(certificateFile), Files.getLastModifiedTime(keyFile));
    }

    /** The current pair, read again first when the files changed since the last look. */
    private Loaded current() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return loaded;
        }
        nextCheck = now.plus(recheck);
        try {
            if (!times().equals(loaded.times())) {
                loaded = load();
                LOG.info("metrics TLS certificate " + certificateFile + " reloaded");
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning("metrics TLS: keeping the previous certificate: " + e.getMessage());
        }
        return loaded;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    private boolean matches(String keyType) {
        String algorithm = current().key().getAlgorithm();
        return keyType.equals(algorithm) || ("EC".equals(algorithm) && keyType.startsWith("EC"));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? current().chain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? current().key() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server identity only
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
