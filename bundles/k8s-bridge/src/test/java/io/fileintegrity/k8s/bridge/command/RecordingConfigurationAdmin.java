package io.fileintegrity.k8s.bridge.command;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** A ConfigurationAdmin for tests that records which PIDs were updated with which properties. */
final class RecordingConfigurationAdmin {

    final List<String> pids = new CopyOnWriteArrayList<>();
    final List<Dictionary<String, Object>> updates = new CopyOnWriteArrayList<>();
    private final CountDownLatch updated = new CountDownLatch(1);

    @SuppressWarnings("unchecked")
    ConfigurationAdmin proxy() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
                (p, method, args) -> {
                    if (!method.getName().equals("getConfiguration")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String pid = (String) args[0];
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                            (c, m, a) -> {
                                if (!m.getName().equals("update") || a == null || a.length != 1) {
                                    throw new UnsupportedOperationException(m.getName());
                                }
                                pids.add(pid);
                                updates.add((Dictionary<String, Object>) a[0]);
                                updated.countDown();
                                return null;
                            });
                });
    }

    void awaitUpdate() throws InterruptedException {
        if (!updated.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the configuration was never stored");
        }
    }
}
