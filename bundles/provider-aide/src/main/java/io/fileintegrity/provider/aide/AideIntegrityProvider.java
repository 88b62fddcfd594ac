package io.fileintegrity.provider.aide;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.IntegrityProviderName;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.aide.config.AideConfigParser;
import io.fileintegrity.provider.aide.config.ConfigSource;
import io.fileintegrity.provider.aide.config.FileSystemConfigFiles;
import io.fileintegrity.provider.aide.config.ParseOptions;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The default provider: AIDE 0.18's aide.conf, database, report and exit codes on a Java engine.
 *
 * <p>The configuration's paths are host paths as the config states them (FIO's converted configs
 * already start with {@code /hostroot}; {@code root_prefix} is honoured). Without
 * {@code database_in}/{@code database_out} the baseline lives in the state directory
 * ({@code aide.db.gz}). {@code initialize} writes {@code database_out} atomically and then moves it
 * over {@code database_in}, so that the next {@code check} uses it. Scan parameters:
 * {@code aide.hash.provider=bc-fips|jdk}, {@code aide.drop-non-approved-hashes=true}. Stateless: one
 * instance serves concurrent scans of different contexts.
 */
@Component(service = IntegrityProvider.class)
@IntegrityProviderName("aide")
public final class AideIntegrityProvider implements IntegrityProvider {
    static final String NAME = "aide";
    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(NAME, Maturity.STABLE,
            "AIDE 0.18-compatible file integrity: aide.conf, AIDE databases and reports, FIPS hashing", true,
            "text/x-aide-conf");
    static final String DROP_PARAMETER = "aide.drop-non-approved-hashes";

    @Override
    public ProviderDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigProblem> validate(ProviderConfig config) {
        ConfigSource source = new ConfigSource(config.source(), config.text(), FileSystemConfigFiles.workingDirectory());
        return AideConfigParser.parse(source, ParseOptions.defaults().withDryRun(true)).problems();
    }

    @Override
    public ScanResult initialize(ScanContext context) {
        return new ProviderRun(context, ScanMode.INITIALIZE).run();
    }

    @Override
    public ScanResult check(ScanContext context) {
        return new ProviderRun(context, ScanMode.CHECK).run();
    }
}
