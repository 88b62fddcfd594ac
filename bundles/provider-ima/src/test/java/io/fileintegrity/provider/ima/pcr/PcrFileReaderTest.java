package io.fileintegrity.provider.ima.pcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcrFileReaderTest {

    private static final String SHA1 = "AB".repeat(20);
    private static final String SHA256 = "cd".repeat(32);

    @Test
    void readsTpm2PcrreadOutput() throws Exception {
        PcrValues values = PcrFileReader.parse("pcrs", "  sha1:\n    0 : 0x" + "00".repeat(20) + "\n    10: 0x" + SHA1
                + "\n  sha256:\n    10: 0x" + SHA256 + "\n", Optional.empty());
        assertEquals(SHA1.toLowerCase(), Hex.encode(values.pcr10().get(HashAlgorithm.SHA1)));
        assertEquals(SHA256, Hex.encode(values.pcr10().get(HashAlgorithm.SHA256)));
    }

    @Test
    void readsCaptureFilesTakingTheBankFromTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pcrs-sha1.txt");
        Files.writeString(file, "9 " + "00".repeat(20) + "\n10 " + SHA1 + "\n");
        assertEquals(1, PcrFileReader.read(file).pcr10().size());
        assertTrue(PcrFileReader.read(file).pcr10().containsKey(HashAlgorithm.SHA1));
    }

    @Test
    void readsOneLinePerBankAndInfersTheBankFromTheLength() throws Exception {
        PcrValues values = PcrFileReader.parse("p", "sha256:10 " + SHA256 + "\n10 " + SHA1 + "  # sha1\n", Optional.empty());
        assertEquals(2, values.pcr10().size());
    }

    @Test
    void badValuesNameTheLine() {
        var wrongSize = assertThrows(PcrReadException.class,
                () -> PcrFileReader.parse("p", "sha256:\n10: 0x" + SHA1 + "\n", Optional.empty()));
        assertEquals("p:2: a sha256 PCR has 32 bytes, this value has 20", wrongSize.getMessage());
        var garbage = assertThrows(PcrReadException.class,
                () -> PcrFileReader.parse("p", "hello world\n", Optional.empty()));
        assertEquals("p:1: not a PCR value line: 'hello world'", garbage.getMessage());
        var noPcr10 = assertThrows(PcrReadException.class,
                () -> PcrFileReader.parse("p", "9 " + SHA1 + "\n", Optional.empty()));
        assertEquals("p: no value for PCR 10", noPcr10.getMessage());
        var bank = assertThrows(PcrReadException.class,
                () -> PcrFileReader.parse("p", "md5:\n", Optional.empty()));
        assertTrue(bank.getMessage().startsWith("p:1: unknown PCR bank 'md5'"));
    }

    @Test
    void readsSysfsPcrFilesOfEveryAllocatedBank(@TempDir Path tpm) throws Exception {
        Files.createDirectories(tpm.resolve("pcr-sha1"));
        Files.createDirectories(tpm.resolve("pcr-sha256"));
        Files.writeString(tpm.resolve("pcr-sha1/10"), SHA1 + "\n");
        Files.writeString(tpm.resolve("pcr-sha256/10"), SHA256.toUpperCase() + "\n");
        PcrValues values = TpmPcrReader.read(tpm).orElseThrow();
        assertEquals(2, values.pcr10().size());
        assertTrue(TpmPcrReader.read(tpm.resolve("missing")).isEmpty());
        Files.writeString(tpm.resolve("pcr-sha1/10"), "zz\n");
        var e = assertThrows(PcrReadException.class, () -> TpmPcrReader.read(tpm));
        assertTrue(e.getMessage().endsWith("pcr-sha1/10: not a sha1 PCR value: 'zz'"), e.getMessage());
    }
}
