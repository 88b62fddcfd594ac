package io.fileintegrity.provider.aide.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every attribute AIDE 0.18 knows, in AIDE's bit order (the enum order of its {@code attributes.h}).
 *
 * <p>The ordinal is the bit number used in the database {@code attr} field, so {@link #bit()} is
 * {@code ordinal()}. Attributes without a {@link #configName()} are internal (file name, the per-entry
 * attribute mask, the stat re-check fields, the "all hashes" summary position) and cannot be named in
 * aide.conf. The last three hashes are AIDE 0.19 names, accepted here as an extension because they are
 * FIPS-approved; AIDE 0.18 itself rejects them as undefined groups.
 */
public enum Attribute {
    NAME(null, "name", null, "name", '\0'),
    LNAME("l", "lname", "Lname", "link_name", 'l'),
    PERM("p", "perm", "Perm", "perm", 'p'),
    UID("u", "uid", "Uid", "uid", 'u'),
    GID("g", "gid", "Gid", "gid", 'g'),
    SIZE("s", "size", "Size", "size", '>'),
    ATIME("a", "atime", "Atime", "access_time", 'a'),
    CTIME("c", "ctime", "Ctime", "change_time", 'c'),
    MTIME("m", "mtime", "Mtime", "modify_time", 'm'),
    INODE("i", "inode", "Inode", "inode", 'i'),
    BCOUNT("b", "bcount", "Bcount", "block_count", 'b'),
    LCOUNT("n", "lcount", "Linkcount", "link_count", 'n'),
    MD5(Hash.legacy("md5", "MD5", 16)),
    SHA1(Hash.legacy("sha1", "SHA1", 20)),
    RMD160(Hash.legacy("rmd160", "RMD160", 20)),
    TIGER(Hash.legacy("tiger", "TIGER", 24)),
    CRC32(Hash.legacy("crc32", "CRC32", 4)),
    HAVAL(Hash.legacy("haval", "HAVAL", 32)),
    GOST(Hash.legacy("gost", "GOST", 32)),
    CRC32B(Hash.legacy("crc32b", "CRC32B", 4)),
    ATTR(null, "attr", null, null, '\0'),
    ACL("acl", "acl", "ACL", "acl", 'A'),
    BSIZE(null, null, null, null, '\0'),
    RDEV(null, null, null, null, '\0'),
    DEV(null, null, null, null, '\0'),
    ALLHASHSUMS(null, null, null, null, 'H'),
    SIZEG("S", null, "Size (>)", "growing_size", '\0'),
    CHECKINODE("I", null, null, null, '\0'),
    ALLOWNEWFILE("ANF", null, null, null, '\0'),
    ALLOWRMFILE("ARF", null, null, null, '\0'),
    SHA256(Hash.approved("sha256", "SHA256", "sha256", 32, "SHA-256")),
    SHA512(Hash.approved("sha512", "SHA512", "sha512", 64, "SHA-512")),
    SELINUX("selinux", "selinux", "SELinux", "selinux", 'S'),
    XATTRS("xattrs", "xattrs", "XAttrs", "xattrs", 'X'),
    WHIRLPOOL(Hash.legacy("whirlpool", "WHIRLPOOL", 64)),
    FTYPE("ftype", null, "File type", "file_type", '!'),
    E2FSATTRS("e2fsattrs", "e2fsattrs", "E2FSAttrs", "e2fsattrs", 'E'),
    CAPS("caps", "capabilities", "Caps", "capabilities", 'C'),
    STRIBOG256(Hash.legacy("stribog256", "STRIBOG256", 32)),
    STRIBOG512(Hash.legacy("stribog512", "STRIBOG512", 64)),
    GROWING("growing", null, null, null, '\0'),
    COMPRESSED("compressed", null, null, null, '\0'),
    SHA512_256(Hash.approved("sha512_256", "SHA512/256", "sha512-256", 32, "SHA-512/256")),
    SHA3_256(Hash.approved("sha3_256", "SHA3-256", "sha3-256", 32, "SHA3-256")),
    SHA3_512(Hash.approved("sha3_512", "SHA3-512", "sha3-512", 64, "SHA3-512"));

    private static final Map<String, Attribute> BY_CONFIG_NAME = new HashMap<>();
    private static final Map<String, Attribute> BY_DB_NAME = new HashMap<>();

    static {
        for (Attribute a : values()) {
            if (a.configName != null) {
                BY_CONFIG_NAME.put(a.configName, a);
            }
            if (a.dbName != null) {
                BY_DB_NAME.put(a.dbName, a);
            }
        }
    }

    private final String configName;
    private final String dbName;
    private final String reportLabel;
    private final String jsonName;
    private final char summaryChar;
    private final Hash hash;

    Attribute(String configName, String dbName, String reportLabel, String jsonName, char summaryChar) {
        this.configName = configName;
        this.dbName = dbName;
        this.reportLabel = reportLabel;
        this.jsonName = jsonName;
        this.summaryChar = summaryChar;
        this.hash = null;
    }

    Attribute(Hash hash) {
        this.configName = hash.configName();
        this.dbName = hash.configName();
        this.reportLabel = hash.reportLabel();
        this.jsonName = hash.jsonName();
        this.summaryChar = '\0';
        this.hash = hash;
    }

    /** Bit number in AIDE's attribute mask (the database {@code attr} field). */
    public int bit() {
        return ordinal();
    }

    /** {@code 1L << bit()}. */
    public long mask() {
        return 1L << ordinal();
    }

    /** Name in aide.conf (also a predefined group of that name), or null for internal attributes. */
    public String configName() {
        return configName;
    }

    /** Column name in the database's {@code @@db_spec} line, or null if the attribute has no column. */
    public String dbName() {
        return dbName;
    }

    /** Label in the plain report's detailed section, or null if never reported. */
    public String reportLabel() {
        return reportLabel;
    }

    /** Field name in the JSON report's {@code details}, or null. */
    public String jsonName() {
        return jsonName;
    }

    /** Character in the summarize-changes string, or {@code '\0'} if it has no own position. */
    public char summaryChar() {
        return summaryChar;
    }

    /** True for message digests (file content hashes). */
    public boolean isHash() {
        return hash != null;
    }

    /** True for hashes approved for FIPS 140-3 use (SHA-2 and SHA-3 family). */
    public boolean isFipsApprovedHash() {
        return hash != null && hash.jcaName() != null;
    }

    /** Digest length in bytes, 0 for non-hash attributes. */
    public int digestLength() {
        return hash == null ? 0 : hash.length();
    }

    /** JCA {@code MessageDigest} algorithm name for approved hashes, empty otherwise. */
    public Optional<String> jcaAlgorithm() {
        return Optional.ofNullable(hash == null ? null : hash.jcaName());
    }

    /** The attribute named {@code name} in aide.conf, if any. */
    public static Optional<Attribute> fromConfigName(String name) {
        return Optional.ofNullable(BY_CONFIG_NAME.get(name));
    }

    /** The attribute whose {@code @@db_spec} column is {@code name}, if any. */
    public static Optional<Attribute> fromDbName(String name) {
        return Optional.ofNullable(BY_DB_NAME.get(name));
    }

    /** Hash facts: config name, report label, JSON name, digest length, JCA name (null = not approved). */
    private record Hash(String configName, String reportLabel, String jsonName, int length, String jcaName) {
        static Hash legacy(String name, String label, int length) {
            return new Hash(name, label, name, length, null);
        }

        static Hash approved(String name, String label, String json, int length, String jca) {
            return new Hash(name, label, json, length, jca);
        }
    }
}
