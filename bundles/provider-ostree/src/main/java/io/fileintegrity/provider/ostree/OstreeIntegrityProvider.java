package io.fileintegrity.provider.ostree;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.IntegrityProviderName;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ostree.config.OstreeConfigParser;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

/**
 * Verifies the booted OSTree deployment under the host root against the content checksums of its
 * commit. It keeps no baseline: the repository is the source of truth, so an OS update needs no
 * re-initialisation, and {@link #initialize} is the same check.
 */
@Component(service = IntegrityProvider.class)
@IntegrityProviderName(OstreeRun.PROVIDER)
public final class OstreeIntegrityProvider implements IntegrityProvider {

    /** Media type of the configuration text (line-based, see the bundle README). */
    public static final String CONFIG_MEDIA_TYPE = "text/x-fio-ostree-conf";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(OstreeRun.PROVIDER,
            Maturity.EXPERIMENTAL, "Verifies the booted OSTree deployment against its commit's checksums (no baseline)",
            false, CONFIG_MEDIA_TYPE);

    private final XattrReader xattrs = XattrReader.best();

    @Override
    public ProviderDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigProblem> validate(ProviderConfig config) {
        return OstreeConfigParser.parse(config).problems();
    }

    @Override
    public ScanResult initialize(ScanContext context) {
        return run(ScanMode.INITIALIZE, context);
    }

    @Override
    public ScanResult check(ScanContext context) {
        return run(ScanMode.CHECK, context);
    }

    private ScanResult run(ScanMode mode, ScanContext context) {
        OstreeConfigParser.Parsed parsed = OstreeConfigParser.parse(context.config());
        if (!parsed.problems().isEmpty()) {
            return ScanResult.errored(OstreeRun.PROVIDER, mode, "invalid configuration: "
                    + parsed.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        }
        return OstreeRun.execute(mode, context, parsed.config(), xattrs, true);
    }
}
