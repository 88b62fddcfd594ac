package io.fileintegrity.provider.ima.signature;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Public keys for {@code ima-sig} checks, indexed by IMA key id: the last four bytes of the SHA-1 of
 * the key's subjectPublicKey (the PKCS#1 RSAPublicKey, or the EC point), as evmctl computes it.
 * Not thread-safe: keys are learned while a list is checked.
 */
public final class SignatureKeys {

    private final List<PublicKey> keys = new ArrayList<>();
    private final List<Integer> keyIds = new ArrayList<>();

    /** Adds a key given as DER SubjectPublicKeyInfo. */
    public void addSubjectPublicKeyInfo(byte[] der) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                add(KeyFactory.getInstance(algorithm, Digests.provider()).generatePublic(new X509EncodedKeySpec(der)));
                return;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("not an RSA or EC public key");
    }

    /** Adds the key of an X.509 certificate (DER or PEM). */
    public PublicKey addCertificate(byte[] certificate) throws GeneralSecurityException {
        PublicKey key = CertificateFactory.getInstance("X.509", Digests.provider())
                .generateCertificate(new ByteArrayInputStream(certificate)).getPublicKey();
        add(key);
        return key;
    }

    /** Adds a public key. */
    public void add(PublicKey key) throws GeneralSecurityException {
        byte[] bits = SubjectPublicKeyBits.of(key.getEncoded());
        byte[] id = Digests.digest(HashAlgorithm.SHA1, bits);
        int keyId = (id[16] & 0xff) << 24 | (id[17] & 0xff) << 16 | (id[18] & 0xff) << 8 | id[19] & 0xff;
        for (int i = 0; i < keys.size(); i++) {
            if (keyIds.get(i) == keyId && Arrays.equals(keys.get(i).getEncoded(), key.getEncoded())) {
                return;
            }
        }
        keys.add(key);
        keyIds.add(keyId);
    }

    /** Keys with this IMA key id. */
    public List<PublicKey> withKeyId(int keyId) {
        List<PublicKey> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keyIds.get(i) == keyId) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }
}
