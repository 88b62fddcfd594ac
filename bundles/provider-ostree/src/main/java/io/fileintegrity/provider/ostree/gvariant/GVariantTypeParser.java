package io.fileintegrity.provider.ostree.gvariant;

import java.util.ArrayList;
import java.util.List;

/** Reads one type out of a type string, refusing nesting deeper than {@link GVariantType#MAX_DEPTH}. */
final class GVariantTypeParser {

    private static final String BASIC = "ybnqiuxthdsog";

    private final String text;
    private int pos;

    GVariantTypeParser(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos == text.length();
    }

    GVariantType next(int depth) throws GVariantFormatException {
        if (depth > GVariantType.MAX_DEPTH) {
            throw problem("nested deeper than " + GVariantType.MAX_DEPTH);
        }
        if (atEnd()) {
            throw problem("ends in the middle of a type");
        }
        char code = text.charAt(pos++);
        if (BASIC.indexOf(code) >= 0) {
            return new GVariantType.Basic(code);
        }
        return switch (code) {
            case 'v' -> new GVariantType.Variant();
            case 'a' -> new GVariantType.ArrayOf(next(depth + 1));
            case 'm' -> new GVariantType.MaybeOf(next(depth + 1));
            case '(' -> new GVariantType.TupleOf(members(')', depth), false);
            case '{' -> dictEntry(depth);
            default -> throw problem("unknown type character '" + code + "'");
        };
    }

    private GVariantType dictEntry(int depth) throws GVariantFormatException {
        List<GVariantType> members = members('}', depth);
        if (members.size() != 2 || !(members.get(0) instanceof GVariantType.Basic)) {
            throw problem("a dict entry needs a basic key type and one value type");
        }
        return new GVariantType.TupleOf(members, true);
    }

    private List<GVariantType> members(char close, int depth) throws GVariantFormatException {
        List<GVariantType> members = new ArrayList<>();
        while (!atEnd() && text.charAt(pos) != close) {
            members.add(next(depth + 1));
        }
        if (atEnd()) {
            throw problem("missing '" + close + "'");
        }
        pos++;
        return members;
    }

    private GVariantFormatException problem(String what) {
        return new GVariantFormatException("type string '" + text + "' at character " + pos + ": " + what);
    }
}
