package io.fileintegrity.provider.aide.database;

import java.util.Comparator;

/**
 * AIDE's database order: a pre-order walk of the path tree with siblings sorted by {@code strcmp}.
 * That is a byte comparison of the paths in which {@code /} sorts before every other byte, so a
 * directory comes right before its subtree ({@code /a/b}, {@code /a/b/c}, {@code /a/b.c}).
 * Paths are byte strings (one char per byte).
 */
public final class PathOrder implements Comparator<String> {
    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {}

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int rank(char c) {
        return c == '/' ? -1 : c;
    }
}
