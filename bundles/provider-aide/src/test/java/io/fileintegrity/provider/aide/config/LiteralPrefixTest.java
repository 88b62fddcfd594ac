package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LiteralPrefixTest {

    @Test
    void literalStartEndsAtTheFirstMetacharacter() {
        assertEquals("/etc/ssh/sshd_config", LiteralPrefix.of("/etc/ssh/sshd_config"));
        assertEquals("/var/log/apt/", LiteralPrefix.of("/var/log/apt/.*"));
        assertEquals("/etc/ssl/certs/ca.crt", LiteralPrefix.of("/etc/ssl/certs/ca\\.crt$"));
        assertEquals("/", LiteralPrefix.of("/(var/)?tmp"));
    }

    @Test
    void quantifiedLastCharacterIsNotPartOfTheLiteral() {
        assertEquals("/usr/li", LiteralPrefix.of("/usr/lib?"));
        assertEquals("/h/etc/cni/net", LiteralPrefix.of("/h/etc/cni/net.d/*"));
        assertEquals("/h/etc/cni/net.d", LiteralPrefix.of("/h/etc/cni/net\\.d/*"));
        assertEquals("/", LiteralPrefix.of("/a{2}"));
    }

    @Test
    void alternationOrLetterEscapeGivesNoUsableLiteral() {
        assertEquals("", LiteralPrefix.of("/a|/b"));
        assertEquals("/a", LiteralPrefix.of("/a\\d"));
    }
}
