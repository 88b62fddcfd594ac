package io.fileintegrity.k8s.bridge.controller;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider registry for tests holding named providers that never scan; their {@code validate} refuses any
 * line naming the made-up hash {@code sha513}, the way FIO's bad-config e2e test breaks aide.conf.
 */
final class RuleCheckingProviders implements ProviderRegistry {

    private final Map<String, IntegrityProvider> byName = new TreeMap<>();

    RuleCheckingProviders(String... names) {
        for (String name : names) {
            byName.put(name, new LineRuleProvider(name));
        }
    }

    @Override
    public Optional<IntegrityProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        return byName.values().stream().map(IntegrityProvider::describe).toList();
    }

    private record LineRuleProvider(String name) implements IntegrityProvider {

        @Override
        public ProviderDescriptor describe() {
            return new ProviderDescriptor(name, Maturity.STABLE, "test provider " + name, true, "text/plain");
        }

        @Override
        public List<ConfigProblem> validate(ProviderConfig config) {
            List<ConfigProblem> problems = new ArrayList<>();
            String[] lines = config.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("sha513")) {
                    problems.add(new ConfigProblem(config.source(), i + 1, "unknown attribute 'sha513'"));
                }
            }
            return problems;
        }

        @Override
        public ScanResult initialize(ScanContext context) {
            throw new UnsupportedOperationException("the operator never scans");
        }

        @Override
        public ScanResult check(ScanContext context) {
            throw new UnsupportedOperationException("the operator never scans");
        }
    }
}
