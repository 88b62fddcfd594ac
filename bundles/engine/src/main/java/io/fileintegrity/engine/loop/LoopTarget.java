package io.fileintegrity.engine.loop;

import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import io.fileintegrity.api.monitor.ChangePage;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.api.monitor.ScanResultListener;
import io.fileintegrity.api.monitor.TargetState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One monitored target per factory configuration: runs its {@link ScanLoop} on a thread of its own and
 * registers itself as a {@link MonitoredTarget} with {@value MonitoredTarget#ID_PROPERTY}. Deactivation
 * (configuration deleted, runtime stopping) cancels a running scan between files and ends the thread.
 */
@Component(configurationPid = LoopTarget.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = TargetConfig.class, factory = true)
public class LoopTarget implements MonitoredTarget {

    /** Factory PID of target configurations. */
    public static final String FACTORY_PID = "io.fileintegrity.engine.target";

    private final List<ScanResultListener> listeners = new CopyOnWriteArrayList<>();

    @Reference
    private ProviderRegistry registry;

    private volatile TargetSettings settings;
    private volatile TargetRecords records;
    private ScanLoop loop;
    private LoopRunner runner;
    private Thread thread;
    private volatile Optional<BaselineInfo> baseline = Optional.empty();
    private ServiceRegistration<MonitoredTarget> registration;

    @Activate
    void activate(BundleContext context, TargetConfig config) {
        settings = settingsOf(config);
        records = new TargetRecords(settings.stateDirectory(), Math.max(1, config.historySize()));
        loop = new ScanLoop(settings, registry, records, this::published, Clock.systemUTC(), this::stopping);
        runner = new LoopRunner(loop);
        thread = new Thread(runner, "fio-scan-" + settings.id());
        registration = context.registerService(MonitoredTarget.class, this,
                new java.util.Hashtable<>(Map.of(ID_PROPERTY, settings.id())));
        thread.start();
    }

    /** Configuration changes (a holdoff, a new interval) apply at the next step, keeping the loop's history. */
    @Modified
    void modified(TargetConfig config) {
        TargetSettings next = settingsOf(config);
        if (!next.id().equals(settings.id())) {
            throw new IllegalArgumentException("the id of a target cannot change: " + settings.id());
        }
        TargetRecords nextRecords = next.stateDirectory().equals(settings.stateDirectory()) ? records
                : new TargetRecords(next.stateDirectory(), Math.max(1, config.historySize()));
        settings = next;
        records = nextRecords;
        loop.reconfigure(next, nextRecords);
        runner.wakeUp();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        runner.stop();
        thread.join(Duration.ofSeconds(60).toMillis());
        registration.unregister();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ScanResultListener listener) {
        listeners.add(listener);
    }

    void removeListener(ScanResultListener listener) {
        listeners.remove(listener);
    }

    private boolean stopping() {
        return runner.stopped();
    }

    private void published(ScanResult result) {
        Optional<BaselineInfo> facts = BaselineFacts.of(result, baseline);
        if (facts.isPresent()) {
            baseline = facts;
        }
        for (ScanResultListener listener : listeners) {
            try {
                listener.scanFinished(this, result);
            } catch (RuntimeException e) {
                System.err.println("fio: result listener " + listener.getClass().getName() + " failed: " + e);
            }
        }
    }

    static TargetSettings settingsOf(TargetConfig c) {
        return new TargetSettings(c.id(), c.displayName(), c.provider(), Path.of(c.hostRoot()),
                Path.of(c.configFile()), c.configSource(), Path.of(c.stateDirectory()),
                Duration.ofSeconds(c.intervalSeconds()), Duration.ofSeconds(c.initialDelaySeconds()), c.maxBackups(),
                c.threads(), c.ioBytesPerSecond(), c.maxCpuPercent(), c.paused(), parameters(c.parameters()));
    }

    /** {@code NAME=VALUE} items as a map; an item without a name or an {@code =} is refused. */
    static Map<String, String> parameters(String[] items) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String item : items == null ? new String[0] : items) {
            int equals = item.indexOf('=');
            if (equals <= 0 || item.substring(0, equals).isBlank()) {
                throw new IllegalArgumentException("a provider parameter must be NAME=VALUE, not '" + item + "'");
            }
            result.put(item.substring(0, equals).trim(), item.substring(equals + 1));
        }
        return result;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public String providerName() {
        return settings.provider();
    }

    @Override
    public TargetState state() {
        return loop.state();
    }

    @Override
    public List<ScanResult> recentResults() {
        return records.recent();
    }

    @Override
    public Optional<BaselineInfo> baseline() {
        return baseline;
    }

    @Override
    public ChangePage changes(String filter, long offset, int limit) {
        return records.changes(filter, offset, limit);
    }

    @Override
    public void requestCheck() {
        loop.requestCheck();
        runner.wakeUp();
    }

    @Override
    public void requestReinitialize() {
        loop.requestReinitialize();
        runner.wakeUp();
    }
}
