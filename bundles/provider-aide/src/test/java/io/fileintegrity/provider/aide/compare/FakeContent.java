package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** File contents for compare tests: digests per entry name, and a log of what was asked. */
final class FakeContent implements FileContent {
    final Map<String, Map<Attribute, byte[]>> prefixes = new HashMap<>();
    final Map<String, Map<Attribute, byte[]>> uncompressed = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public Optional<Map<Attribute, byte[]>> prefixDigests(DbEntry current, long length, AttributeSet hashes) {
        asked.add("prefix " + current.name() + " " + length);
        return Optional.ofNullable(prefixes.get(current.name()));
    }

    @Override
    public Optional<Map<Attribute, byte[]>> uncompressedDigests(DbEntry current, AttributeSet hashes,
            long hashedBytes, long maxLength) {
        asked.add("gunzip " + current.name() + " " + hashedBytes + " " + maxLength);
        return Optional.ofNullable(uncompressed.get(current.name()));
    }

    static byte[] digest(int seed) {
        byte[] d = new byte[32];
        d[0] = (byte) seed;
        return d;
    }
}
