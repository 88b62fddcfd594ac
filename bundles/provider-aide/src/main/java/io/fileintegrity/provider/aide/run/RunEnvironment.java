package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.provider.aide.compare.BaselineFilter;
import io.fileintegrity.provider.aide.config.AideConfig;
import io.fileintegrity.provider.aide.scan.EntrySelector;
import io.fileintegrity.provider.aide.scan.ScanSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything an {@link AideEngine} run needs.
 *
 * @param config the evaluated aide.conf
 * @param selector which disk entries go into the database (the rules plus {@code --limit})
 * @param baselineFilter what to do with baseline entries (rule re-check, {@code --limit})
 * @param scan scan settings (root prefix, threads, hash provider, I/O cap)
 * @param limit the {@code --limit} regex as given, or null
 * @param stdin where {@code database_in=stdin} reads from
 * @param stdout where {@code database_out=stdout} and {@code report_url=stdout} write
 * @param stderr where {@code report_url=stderr} writes
 * @param spillDirectory where a run with many differences spills them (null: {@code java.io.tmpdir})
 */
public record RunEnvironment(AideConfig config, EntrySelector selector, BaselineFilter baselineFilter,
        ScanSettings scan, String limit, Cancellation cancellation, ProgressListener progress, InputStream stdin,
        OutputStream stdout, OutputStream stderr, Path spillDirectory) {

    public RunEnvironment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(baselineFilter, "baselineFilter");
        Objects.requireNonNull(scan, "scan");
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        progress = progress == null ? ProgressListener.NONE : progress;
        spillDirectory = spillDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : spillDirectory;
    }
}
