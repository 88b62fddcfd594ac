package io.fileintegrity.provider.aide.scan;

import java.security.MessageDigest;
import java.util.Map;
import org.bouncycastle.crypto.UpdateOutputStream;
import org.bouncycastle.crypto.fips.FipsOutputDigestCalculator;
import org.bouncycastle.crypto.fips.FipsSHS;

/**
 * A {@link MessageDigest} backed by BC-FIPS's approved secure hash operators ({@link FipsSHS}), used
 * without the JCA provider. The module's power-up self-tests and integrity check run all the same
 * (on first use of {@code FipsSHS}); what is saved is the provider's registration of every algorithm
 * the module has, about 0.4 CPU s and 1,100 classes per process, which a hashing command never needs.
 * Not thread-safe, as any MessageDigest.
 */
final class FipsDigest extends MessageDigest {
    private static final Map<String, FipsSHS.Parameters> ALGORITHMS = Map.of(
            "SHA-256", FipsSHS.SHA256,
            "SHA-512", FipsSHS.SHA512,
            "SHA-512/256", FipsSHS.SHA512_256,
            "SHA3-256", FipsSHS.SHA3_256,
            "SHA3-512", FipsSHS.SHA3_512);
    private static final FipsSHS.OperatorFactory FACTORY = new FipsSHS.OperatorFactory();

    private final FipsOutputDigestCalculator<FipsSHS.Parameters> calculator;
    private final UpdateOutputStream stream;

    private FipsDigest(String algorithm, FipsOutputDigestCalculator<FipsSHS.Parameters> calculator) {
        super(algorithm);
        this.calculator = calculator;
        this.stream = calculator.getDigestStream();
    }

    /** A new digest for a JCA algorithm name, or null if BC-FIPS has no approved operator for it. */
    static MessageDigest of(String algorithm) {
        FipsSHS.Parameters parameters = ALGORITHMS.get(algorithm);
        return parameters == null ? null : new FipsDigest(algorithm, FACTORY.createOutputDigestCalculator(parameters));
    }

    @Override
    protected void engineUpdate(byte input) {
        stream.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        stream.update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
        byte[] digest = calculator.getDigest();
        calculator.reset();
        return digest;
    }

    @Override
    protected void engineReset() {
        calculator.reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return calculator.getDigestSize();
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        return new FipsDigest(getAlgorithm(), calculator.clone());
    }
}
