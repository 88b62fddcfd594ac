package io.fileintegrity.engine.loop;

import io.fileintegrity.api.ChangeSink;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.ChangePage;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the loop remembers about a target in its state directory: whether it was ever initialised (a marker
 * file, so a restart does not rebuild a baseline), the recent results (in memory, bounded), and every change
 * of the newest scan that found any (a file, so 100k changes cost no heap and the console can page them).
 */
public final class TargetRecords {

    static final String INITIALIZED_MARKER = "fio-initialized";
    static final String CHANGES_FILE = "fio-last-changes.tsv";
    static final String BASELINE_PATH_FILE = "fio-baseline-path";
    private static final String CHANGES_PARTIAL = "fio-changes.partial";

    private final Path dir;
    private final int historySize;
    private final Deque<ScanResult> history = new ArrayDeque<>();
    private BufferedWriter changeWriter;

    public TargetRecords(Path stateDirectory, int historySize) {
        this.dir = stateDirectory;
        this.historySize = historySize;
    }

    public boolean initialized() {
        return Files.exists(dir.resolve(INITIALIZED_MARKER));
    }

    void markInitialized(Instant when) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(INITIALIZED_MARKER), when.toString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(INITIALIZED_MARKER), e);
        }
    }

    /** A sink writing this scan's changes to a partial file; kept only if the scan found changes. */
    ChangeSink openChangeFile() throws IOException {
        closeChangeFile();
        Files.createDirectories(dir);
        BufferedWriter writer = Files.newBufferedWriter(dir.resolve(CHANGES_PARTIAL), StandardCharsets.UTF_8);
        changeWriter = writer;
        return change -> {
            try {
                writer.write(ChangeLineCodec.encode(change));
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    void closeChangeFile() {
        if (changeWriter != null) {
            try {
                changeWriter.close();
            } catch (IOException e) {
                // the partial file is discarded below or replaced by the next scan
            }
            changeWriter = null;
        }
    }

    synchronized void add(ScanResult result) {
        history.addFirst(result);
        rememberBaselinePath(result.details().get(BaselineFacts.DETAIL));
        while (history.size() > historySize) {
            history.removeLast();
        }
        Path partial = dir.resolve(CHANGES_PARTIAL);
        try {
            if (result.counts().total() > 0 && Files.exists(partial)) {
                Files.move(partial, dir.resolve(CHANGES_FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // the console then shows the previous scan's changes; the result itself is kept
        }
    }

    /** The baseline file a provider named last, remembered across restarts so a re-init can back it up. */
    Optional<Path> baselinePath() {
        try {
            String text = Files.readString(dir.resolve(BASELINE_PATH_FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void rememberBaselinePath(String path) {
        if (path == null || path.isEmpty() || baselinePath().map(p -> p.toString().equals(path)).orElse(false)) {
            return;
        }
        try {
            Files.writeString(dir.resolve(BASELINE_PATH_FILE), path + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // without it a re-init after a restart cannot back up; the scan result itself is unaffected
        }
    }

    public synchronized List<ScanResult> recent() {
        return List.copyOf(history);
    }

    /** A page of the newest scan's changes whose path contains {@code filter} (ignoring case). */
    public ChangePage changes(String filter, long offset, int limit) {
        Path file = dir.resolve(CHANGES_FILE);
        if (!Files.exists(file)) {
            return ChangePage.EMPTY;
        }
        String needle = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        List<FileChange> page = new ArrayList<>();
        long matching = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                FileChange change = ChangeLineCodec.decode(line);
                if (!needle.isEmpty() && !change.path().toLowerCase(Locale.ROOT).contains(needle)) {
                    continue;
                }
                if (matching >= offset && page.size() < limit) {
                    page.add(change);
                }
                matching++;
            }
        } catch (IOException | IllegalArgumentException e) {
            return ChangePage.EMPTY;
        }
        return new ChangePage(page, offset, matching);
    }
}
