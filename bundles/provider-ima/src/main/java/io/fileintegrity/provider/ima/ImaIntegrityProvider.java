package io.fileintegrity.provider.ima;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.IntegrityProviderName;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.scan.ImaScan;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Checks the kernel's IMA measurement list: every template hash, PCR 10 replayed in every bank against
 * the TPM, and every entry against a Keylime runtime policy or allowlist (the configuration text; empty
 * means no policy). Incremental: a checkpoint in the state directory remembers how far the list was
 * checked. See the bundle README for parameters and semantics.
 */
@Component(service = IntegrityProvider.class)
@IntegrityProviderName(ImaScan.PROVIDER)
public final class ImaIntegrityProvider implements IntegrityProvider {

    /** Media type of the configuration: a Keylime runtime policy (JSON) or a legacy allowlist. */
    public static final String CONFIG_MEDIA_TYPE = "application/x-keylime-runtime-policy";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ImaScan.PROVIDER, Maturity.EXPERIMENTAL,
            "Kernel IMA measurement list: template hashes, PCR 10 replay against the TPM, Keylime runtime policy",
            false, CONFIG_MEDIA_TYPE);

    @Override
    public ProviderDescriptor describe() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConfigProblem> validate(ProviderConfig config) {
        return config.text().isBlank() ? List.of() : AllowlistParser.parseAny(config.source(), config.text()).problems();
    }

    @Override
    public ScanResult initialize(ScanContext context) {
        return new ImaScan(ScanMode.INITIALIZE, context).run();
    }

    @Override
    public ScanResult check(ScanContext context) {
        return new ImaScan(ScanMode.CHECK, context).run();
    }
}
