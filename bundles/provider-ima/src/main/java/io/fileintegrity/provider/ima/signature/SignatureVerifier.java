package io.fileintegrity.provider.ima.signature;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies v2 IMA signatures with BC-FIPS: RSA PKCS#1 v1.5 or ECDSA over the pre-hashed file digest.
 */
public final class SignatureVerifier {

    /** DER DigestInfo prefixes (RFC 8017 §9.2) for PKCS#1 v1.5 over a pre-computed digest. */
    private static final Map<String, String> DIGEST_INFO = Map.of(
            "sha1", "3021300906052b0e03021a05000414",
            "sha224", "302d300d06096086480165030402040500041c",
            "sha256", "3031300d060960864801650304020105000420",
            "sha384", "3041300d060960864801650304020205000430",
            "sha512", "3051300d060960864801650304020305000440");

    private SignatureVerifier() {
    }

    /**
     * Checks a signature field against a file digest.
     *
     * @return empty when a key with the signature's id verifies it, else why not
     */
    public static Optional<String> verify(byte[] field, String digestAlgorithm, byte[] fileDigest, SignatureKeys keys) {
        ImaSignature signature;
        try {
            signature = ImaSignature.parse(field);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        HashAlgorithm algorithm = signature.hashAlgorithm();
        if (!algorithm.kernelName().equals(digestAlgorithm)) {
            return Optional.of("signature uses " + algorithm + " but the file digest is " + digestAlgorithm);
        }
        var candidates = keys.withKeyId(signature.keyId());
        if (candidates.isEmpty()) {
            return Optional.of("no key with id " + signature.keyIdHex());
        }
        for (PublicKey key : candidates) {
            if (verifies(key, algorithm, fileDigest, signature.signature())) {
                return Optional.empty();
            }
        }
        return Optional.of("signature does not verify with key " + signature.keyIdHex());
    }

    private static boolean verifies(PublicKey key, HashAlgorithm algorithm, byte[] digest, byte[] signature) {
        try {
            Signature verifier;
            byte[] signed;
            if (key instanceof RSAPublicKey) {
                String prefix = DIGEST_INFO.get(algorithm.kernelName());
                if (prefix == null) {
                    return false;
                }
                verifier = Signature.getInstance("NONEwithRSA", Digests.provider());
                signed = concat(Hex.decode(prefix).orElseThrow(), digest);
            } else {
                verifier = Signature.getInstance("NONEwithECDSA", Digests.provider());
                signed = digest;
            }
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
