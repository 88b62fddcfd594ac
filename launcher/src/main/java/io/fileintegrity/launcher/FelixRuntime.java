package io.fileintegrity.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** One Felix framework with the bundles of a profile, installed by reference from the distribution. */
final class FelixRuntime implements AutoCloseable {

    private final Framework framework;
    private final Path cacheDir;

    private FelixRuntime(Framework framework, Path cacheDir) {
        this.framework = framework;
        this.cacheDir = cacheDir;
    }

    /** Boots Felix, installs the profile's bundles (fragments first, as extensions must be) and starts them. */
    static FelixRuntime start(Path home, Profile profile, Map<String, String> properties, PrintStream diagnostics)
            throws IOException, BundleException {
        Path cache = Files.createTempDirectory("fio-felix-");
        Map<String, Object> config = new java.util.HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework felix = new Felix(config);
        felix.init();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundleJars(home, profile)) {
            installed.add(felix.getBundleContext().installBundle("reference:" + jar.toUri()));
        }
        felix.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                diagnostics.println("fio: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
            }
        }
        return new FelixRuntime(felix, cache);
    }

    /** The profile's jars in folder order, each folder sorted by name; then deploy/ for one-off commands. */
    static List<Path> bundleJars(Path home, Profile profile) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String folder : profile.folders()) {
            jars.addAll(jarsIn(home.resolve("bundle").resolve(folder)));
        }
        if (!profile.longRunning()) {
            // long-running roles get deploy/ from File Install, which also notices later changes
            jars.addAll(jarsIn(home.resolve("deploy")));
        }
        return jars;
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    Framework framework() {
        return framework;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            System.err.println("fio: stopping the runtime failed: " + e.getMessage());
        } finally {
            deleteQuietly(cacheDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover cache in the temp directory is harmless
        }
    }
}
