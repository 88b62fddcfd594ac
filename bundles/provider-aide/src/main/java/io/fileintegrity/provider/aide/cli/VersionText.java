package io.fileintegrity.provider.aide.cli;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.DefaultGroups;
import io.fileintegrity.provider.aide.run.AideEngine;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code fio aide --version}: AIDE 0.18's layout (compile-time options, default config values, available
 * attributes and hashsums, default compound groups), with what this engine really has, so that scripts
 * that look for "sha512: yes" or "use POSIX ACLs: yes" read the truth.
 */
final class VersionText {
    private static final List<Attribute> HASHSUM_ORDER = List.of(Attribute.MD5, Attribute.SHA1, Attribute.SHA256,
            Attribute.SHA512, Attribute.RMD160, Attribute.TIGER, Attribute.CRC32, Attribute.CRC32B, Attribute.HAVAL,
            Attribute.WHIRLPOOL, Attribute.GOST, Attribute.STRIBOG256, Attribute.STRIBOG512, Attribute.SHA512_256,
            Attribute.SHA3_256, Attribute.SHA3_512);

    private VersionText() {}

    static void print(PrintStream out) {
        out.println("AIDE " + AideEngine.AIDE_VERSION + " (fio aide engine: a Java re-implementation, not the aide binary)");
        out.println();
        out.println("Compile-time options:");
        out.println("use pcre2: no (java.util.regex, anchored and partially matched as AIDE does)");
        out.println("use pthread: yes");
        out.println("use zlib compression: yes");
        out.println("use POSIX ACLs: yes");
        out.println("use SELinux: yes");
        out.println("use xattr: yes");
        out.println("use POSIX 1003.1e capabilities: yes");
        out.println("use e2fsattrs: yes");
        out.println("use cURL: no");
        out.println("use Mhash: no");
        out.println("use GNU crypto library: no");
        out.println("use BouncyCastle FIPS: yes (default; --hash-provider=jdk for the JDK's digests)");
        out.println("use Linux Auditing Framework: no");
        out.println("use locale: no");
        out.println("syslog ident: aide");
        out.println("syslog logopt: LOG_CONS");
        out.println("syslog priority: LOG_NOTICE");
        out.println("default syslog facility: LOG_LOCAL0");
        out.println();
        out.println("Default config values:");
        out.println("config file: " + AideArguments.DEFAULT_CONFIG);
        out.println("database_in: <none>");
        out.println("database_out: <none>");
        out.println();
        out.println("Available compiled-in attributes:");
        for (String extra : List.of("acl", "xattrs", "selinux", "e2fsattrs", "caps")) {
            out.println(extra + ": yes");
        }
        out.println();
        out.println("Available hashsum attributes:");
        for (Attribute h : HASHSUM_ORDER) {
            out.println(h.configName() + ": " + (h.isFipsApprovedHash() ? "yes" : "no (not FIPS-approved)"));
        }
        out.println();
        out.println("Default compound groups:");
        DefaultGroups.compound().forEach((name, value) -> out.println(name + ": " + value.toConfigExpression()));
    }
}
