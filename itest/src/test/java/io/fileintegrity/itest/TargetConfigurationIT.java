package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.MonitoredTarget;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The engine's scan loop driven by ConfigAdmin in a real Felix: a factory configuration becomes a
 * monitored target that scans, reports changes, picks up configuration updates and goes away when deleted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TargetConfigurationIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return options(systemProperty("fio.home").value(DistributionBundles.home().toString()),
                composite(DistributionBundles.folders("core")), junitBundles());
    }

    @Test
    public void aTargetConfigurationScansReportsChangesAndFollowsUpdates() throws Exception {
        Bundle example;
        try (InputStream in = new FileInputStream(DistributionBundles.exampleProvider())) {
            example = context.installBundle("example:sha256sum-target", in);
        }
        example.start();
        Path root = Files.createTempDirectory("fio-itest-root");
        Path state = Files.createTempDirectory("fio-itest-state");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/motd"), "hello\n");
        Path manifest = state.resolve("manifest.sha256");
        Files.writeString(manifest, sha256("hello\n") + "  /etc/motd\n");

        org.osgi.service.cm.Configuration cfg =
                configAdmin.createFactoryConfiguration("io.fileintegrity.engine.target", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("id", "itest");
        props.put("displayName", "first name");
        props.put("provider", "sha256sum");
        props.put("hostRoot", root.toString());
        props.put("configFile", manifest.toString());
        props.put("stateDirectory", state.toString());
        props.put("intervalSeconds", 3600L);
        cfg.update(props);

        MonitoredTarget target = awaitTarget(t -> t.displayName().equals("first name"));
        ScanResult first = awaitResult(target, 1);
        assertEquals(first.errorMessage(), Outcome.SUCCEEDED, first.outcome());

        Files.writeString(root.resolve("etc/motd"), "tampered\n");
        target.requestCheck();
        ScanResult second = awaitResult(target, 2);
        assertEquals(Outcome.FAILED, second.outcome());
        assertEquals(ChangeKind.CHANGED, target.changes("motd", 0, 10).changes().get(0).kind());

        props.put("displayName", "second name");
        cfg.update(props);
        awaitTarget(t -> t.displayName().equals("second name"));

        cfg.delete();
        for (int i = 0; i < 100 && !context.getServiceReferences(MonitoredTarget.class, "(fio.target.id=itest)").isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertTrue(context.getServiceReferences(MonitoredTarget.class, "(fio.target.id=itest)").isEmpty());
        example.uninstall();
    }

    private MonitoredTarget awaitTarget(Predicate<MonitoredTarget> condition) throws Exception {
        for (int i = 0; i < 200; i++) {
            for (ServiceReference<MonitoredTarget> ref : context.getServiceReferences(MonitoredTarget.class,
                    "(" + MonitoredTarget.ID_PROPERTY + "=itest)")) {
                MonitoredTarget target = context.getService(ref);
                if (target != null && condition.test(target)) {
                    return target;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no monitored target 'itest' matching the condition");
    }

    private static ScanResult awaitResult(MonitoredTarget target, int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (target.recentResults().size() >= count) {
                return target.recentResults().get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("target produced " + target.recentResults().size() + " results, expected " + count);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
