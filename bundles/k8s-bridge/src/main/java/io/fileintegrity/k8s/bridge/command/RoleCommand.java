package io.fileintegrity.k8s.bridge.command;

import io.fileintegrity.api.cli.CommandInvocation;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What {@code fio operator} and {@code fio agent} share: the arguments become the role's configuration (which
 * activates its component), then the command blocks until the runtime stops. Exit codes: 0 stopped, 64 bad
 * arguments, 74 configuration could not be stored.
 */
final class RoleCommand {

    static final int USAGE_ERROR = 64;
    static final int IO_ERROR = 74;

    private final String name;
    private final String pid;
    private final String usage;
    private final Map<String, RoleArguments.Type> types;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SideConfiguration side;

    /**
     * Options that configure another PID than the role's (e.g. the metrics port of the reporting bundle).
     *
     * @param pid the other configuration's PID
     * @param properties option name to property name in that configuration
     * @param defaults property values stored when the option is not given
     */
    record SideConfiguration(String pid, Map<String, String> properties, Map<String, Object> defaults) {
        static final SideConfiguration NONE = new SideConfiguration("", Map.of(), Map.of());
    }

    RoleCommand(String name, String pid, String usage, Map<String, RoleArguments.Type> types) {
        this(name, pid, usage, types, SideConfiguration.NONE);
    }

    RoleCommand(String name, String pid, String usage, Map<String, RoleArguments.Type> types, SideConfiguration side) {
        this.name = name;
        this.pid = pid;
        this.usage = usage;
        this.types = types;
        this.side = side;
    }

    /**
     * Parses, fills in {@code defaults} (from the environment), checks that every {@code required} key has a
     * value, stores the configuration and waits.
     */
    int run(CommandInvocation inv, ConfigurationAdmin configAdmin, Map<String, String> defaults, List<String> required) {
        if (inv.args().contains("--help") || inv.args().contains("-h")) {
            inv.out().println(usage);
            return 0;
        }
        Hashtable<String, Object> properties;
        try {
            properties = RoleArguments.parse(inv.args(), types);
        } catch (IllegalArgumentException e) {
            inv.err().println("fio " + name + ": " + e.getMessage() + "; see 'fio " + name + " --help'");
            return USAGE_ERROR;
        }
        defaults.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                properties.putIfAbsent(key, value);
            }
        });
        for (String key : required) {
            if (!properties.containsKey(key)) {
                inv.err().println("fio " + name + ": --" + key + " is required; see 'fio " + name + " --help'");
                return USAGE_ERROR;
            }
        }
        Hashtable<String, Object> sideProperties = new Hashtable<>(side.defaults());
        side.properties().forEach((option, property) -> {
            Object value = properties.remove(option);
            if (value != null) {
                sideProperties.put(property, value);
            }
        });
        try {
            if (!side.pid().isEmpty()) {
                configAdmin.getConfiguration(side.pid(), "?").update(sideProperties);
            }
            Configuration configuration = configAdmin.getConfiguration(pid, "?");
            configuration.update(properties);
            inv.err().println("fio " + name + ": started (configuration " + pid + ")");
            stopped.await();
            return 0;
        } catch (IOException e) {
            inv.err().println("fio " + name + ": cannot store its configuration: " + e.getMessage());
            return IO_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Releases a waiting {@link #run}: the runtime is stopping. */
    void stop() {
        stopped.countDown();
    }
}
