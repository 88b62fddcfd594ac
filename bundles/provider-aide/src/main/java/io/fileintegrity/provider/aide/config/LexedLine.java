package io.fileintegrity.provider.aide.config;

import java.util.List;

/**
 * The tokens of one physical line, or the lexical error that stopped it.
 *
 * @param tokens tokens up to the error (all of them if {@code error} is null)
 * @param error AIDE's message for the first bad character or word, or null
 * @param warning a deprecation warning (e.g. an underscore in a group name), or null
 */
record LexedLine(List<Token> tokens, String error, String warning) {

    boolean isBlank() {
        return tokens.isEmpty() && error == null;
    }
}
