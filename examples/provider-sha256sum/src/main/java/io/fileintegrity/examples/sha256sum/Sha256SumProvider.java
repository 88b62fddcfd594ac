package io.fileintegrity.examples.sha256sum;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.IntegrityProviderName;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Example third-party provider: the configuration is a {@code sha256sum} manifest and every listed file
 * must have that digest. It keeps no baseline; the manifest is the source of truth. Written against the
 * {@code api} bundle alone.
 */
@Component(service = IntegrityProvider.class)
@IntegrityProviderName("sha256sum")
public class Sha256SumProvider implements IntegrityProvider {

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("sha256sum", Maturity.EXPERIMENTAL,
            "example: verifies files against a sha256sum manifest", false, "text/x-sha256sum");

    @Override
    public ProviderDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigProblem> validate(ProviderConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ManifestLine> lines = ManifestLine.parse(config.source(), config.text(), problems);
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add(new ConfigProblem(config.source(), 0, "the manifest lists no files"));
        }
        return problems;
    }

    @Override
    public ScanResult initialize(ScanContext context) {
        return verify(context, ScanMode.INITIALIZE);
    }

    @Override
    public ScanResult check(ScanContext context) {
        return verify(context, ScanMode.CHECK);
    }

    private ScanResult verify(ScanContext context, ScanMode mode) {
        ScanResult.Builder result = ScanResult.builder(DESCRIPTOR.name(), mode);
        List<ConfigProblem> problems = validate(context.config());
        if (!problems.isEmpty()) {
            return result.errored(problems.get(0).toString()).build();
        }
        ChangeCounts counts = ChangeCounts.NONE;
        List<FileChange> kept = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int max = context.options().maxChangesInResult();
        for (ManifestLine line : ManifestLine.parse(context.config().source(), context.config().text(), problems)) {
            if (context.cancellation().isCancelled()) {
                return result.errored("cancelled").finishedNow().build();
            }
            FileChange change = compare(context.hostRoot(), line);
            if (change != null) {
                counts = counts.plus(change.kind());
                context.changes().accept(change);
                if (kept.size() < max) {
                    kept.add(change);
                }
                report.append(line.path()).append(": FAILED").append(change.reason().isEmpty() ? "" : " " + change.reason()).append('\n');
            } else {
                report.append(line.path()).append(": OK\n");
            }
        }
        return result.outcome(counts.total() == 0 ? Outcome.SUCCEEDED : Outcome.FAILED).counts(counts)
                .changes(kept, kept.size() < counts.total()).report(report.toString()).finishedNow().build();
    }

    private static FileChange compare(Path hostRoot, ManifestLine line) {
        Path file = hostRoot.resolve(line.path().substring(1));
        try {
            String actual = sha256(file);
            return actual.equals(line.sha256()) ? null
                    : FileChange.changed(line.path(), List.of(new AttributeChange("sha256", line.sha256(), actual)));
        } catch (NoSuchFileException e) {
            return FileChange.removed(line.path());
        } catch (IOException e) {
            return new FileChange(line.path(), io.fileintegrity.api.ChangeKind.CHANGED, List.of(),
                    "unreadable: " + e.getMessage());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
