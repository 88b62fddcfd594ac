package io.fileintegrity.provider.ima.state;

import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.verify.Finding;
import io.fileintegrity.provider.ima.verify.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps the {@link Checkpoint} in {@code ima-checkpoint.properties} in the state directory, written
 * atomically (temporary file, fsync, rename) so that a crash never leaves half a checkpoint.
 */
public final class CheckpointStore {

    /** The file name in the state directory. */
    public static final String FILE = "ima-checkpoint.properties";
    /** Carried findings kept in the file; all are counted. */
    public static final int KEPT_FINDINGS = 1000;
    private static final String VERSION = "1";
    private static final String RUNNING = "running.";
    private static final String FINDING = "finding.";

    private final Path file;

    public CheckpointStore(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The stored checkpoint, or empty when there is none. */
    public Optional<Checkpoint> read() throws CheckpointException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file + ": cannot read the checkpoint: " + e.getMessage());
        }
        if (!VERSION.equals(p.getProperty("version"))) {
            throw new CheckpointException(file + ": unknown checkpoint version '" + p.getProperty("version") + "'");
        }
        Map<String, byte[]> running = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(RUNNING)) {
                running.put(key.substring(RUNNING.length()), hex(p, key));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; p.containsKey(FINDING + i); i++) {
            findings.add(finding(p.getProperty(FINDING + i), FINDING + i));
        }
        return Optional.of(new Checkpoint(p.getProperty("bootId", ""), required(p, "listPath"), number(p, "entries"),
                number(p, "position"), Hex.encode(hex(p, "prefixSha256")), Hex.encode(hex(p, "policySha256")),
                running, number(p, "findingCount"), findings));
    }

    /** Replaces the stored checkpoint. */
    public void write(Checkpoint checkpoint) throws CheckpointException {
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("bootId", checkpoint.bootId());
        p.setProperty("listPath", checkpoint.listPath());
        p.setProperty("entries", Long.toString(checkpoint.entries()));
        p.setProperty("position", Long.toString(checkpoint.position()));
        p.setProperty("prefixSha256", checkpoint.prefixSha256());
        p.setProperty("policySha256", checkpoint.policySha256());
        checkpoint.runningValues().forEach((k, v) -> p.setProperty(RUNNING + k, Hex.encode(v)));
        p.setProperty("findingCount", Long.toString(checkpoint.findingCount()));
        List<Finding> findings = checkpoint.findings();
        for (int i = 0; i < Math.min(findings.size(), KEPT_FINDINGS); i++) {
            p.setProperty(FINDING + i, line(findings.get(i)));
        }
        StringWriter text = new StringWriter();
        try {
            p.store(text, "IMA checkpoint of the fio ima provider; delete it (or re-initialize) to re-check the whole list");
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot write the checkpoint: " + e.getMessage());
        }
    }

    private static String line(Finding f) {
        return String.join("\t", f.reason().name(), Long.toString(f.entry()), clean(f.path()), f.attribute(),
                clean(f.expected()), clean(f.found()), clean(f.detail()));
    }

    private static String clean(String text) {
        return text.replace('\t', ' ');
    }

    private Finding finding(String line, String key) throws CheckpointException {
        String[] parts = line.split("\t", -1);
        try {
            return new Finding(Long.parseLong(parts[1]), parts[2], Reason.valueOf(parts[0]), parts[3], parts[4],
                    parts[5], parts[6]);
        } catch (RuntimeException e) {
            throw new CheckpointException(file + ": " + key + " is not a finding: " + e.getMessage());
        }
    }

    private String required(Properties p, String key) throws CheckpointException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new CheckpointException(file + ": missing " + key);
        }
        return value;
    }

    private long number(Properties p, String key) throws CheckpointException {
        String value = required(p, key);
        if (!value.matches("[0-9]{1,18}")) {
            throw new CheckpointException(file + ": " + key + " '" + value + "' is not a number");
        }
        return Long.parseLong(value);
    }

    private byte[] hex(Properties p, String key) throws CheckpointException {
        String value = required(p, key);
        return Hex.decode(value).orElseThrow(() -> new CheckpointException(file + ": " + key + " is not hex"));
    }
}
