package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random aide.conf texts for fuzzing: made from grammar pieces, or mutated from real configs. */
final class ConfigMutator {

    private static final String[] PIECES = {"@@if ", "@@ifdef X", "@@else", "@@endif", "@@include /inc/a",
        "@@include /inc ^a", "@@x_include /inc ^", "@@define X /a", "@@undef X", "@@{X}", "@@{", "}", "/", "!/",
        "=/", " ", "\t", "\r", "\n", "#", "\\", "\\ ", "=", " = ", "+", "-", ",", "R", "p+u", "md5", "sha256",
        "f,d", "0", "(", ")", "[", "]", "[[:alpha:]]", "{3}", "{", "*", "+?", "$", "^", ".*", "(a+)+$",
        "database_in=file:/x", "report_url=stdout", "report_level=summary", "root_prefix=/h", "num_workers=2",
        "G = p", "G", "verbose=1", "\u00e4", "\u00ff", "\u0000", "%", "@", "@@", "\uDCE4"};

    private final Random random;
    private final List<String> seeds;

    ConfigMutator(long seed) throws IOException {
        this.random = new Random(seed);
        this.seeds = new ArrayList<>(ConfigCheckDifferentialTest.configs().toList());
        for (String name : new String[] {"fio-default-0.18.conf", "fio-default-0.16.conf", "rhel-style.conf"}) {
            try (InputStream in = ConfigMutator.class.getResourceAsStream("/config/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    Random random() {
        return random;
    }

    /** Every second text is generated, the others mutated from a seed config. */
    String next(int iteration) {
        return iteration % 2 == 0 ? mutate(seeds.get(random.nextInt(seeds.size()))) : generate();
    }

    private String generate() {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + random.nextInt(12);
        for (int l = 0; l < lines; l++) {
            int pieces = 1 + random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            sb.append(random.nextInt(10) == 0 ? "" : "\n");
        }
        return sb.toString();
    }

    private String mutate(String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                case 2 -> sb.setCharAt(at, (char) random.nextInt(256));
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(40))));
            }
        }
        return sb.toString();
    }
}
