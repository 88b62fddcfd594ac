package io.fileintegrity.provider.aide.config;

/** One token of an aide.conf line, as AIDE 0.18's lexer cuts it. */
record Token(Kind kind, String text) {

    enum Kind {
        SELECTIVE_RULE, EQUALS_RULE, NEGATIVE_RULE,
        DEFINE, UNDEFINE, IF, IFDEF, IFNDEF, IFHOST, IFNHOST, ELSE, ENDIF, INCLUDE, X_INCLUDE, SETENV,
        NOT, BOOL_FUNCTION,
        OPTION, GROUP, ASSIGN,
        EXPR, PLUS, MINUS, COMMA,
        STRING, VARIABLE, VARIABLE_NAME, SPACE
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")";
    }
}
