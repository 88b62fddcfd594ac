package io.fileintegrity.provider.aide.config;

/**
 * A non-approved hash removed from a rule or option because the caller opted in to dropping them
 * ({@link ParseOptions#dropNonApprovedHashes()}); the report lists every one.
 *
 * @param source config file
 * @param line line of the rule or option
 * @param where the rule ({@code /regex}) or option name the hash was removed from
 * @param hashes the removed algorithms
 */
public record DroppedHash(String source, int line, String where, AttributeSet hashes) {

    @Override
    public String toString() {
        return source + ":" + line + ": dropped non-approved hash(es) " + hashes + " from '" + where + "'";
    }
}
