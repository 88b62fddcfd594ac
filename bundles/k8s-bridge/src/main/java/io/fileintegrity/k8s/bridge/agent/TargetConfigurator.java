package io.fileintegrity.k8s.bridge.agent;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Creates and updates the engine's factory configuration ({@value #FACTORY_PID}) for this agent's scan loop, and
 * removes it when the agent stops. An unchanged set of properties is not written again, so the loop is not
 * restarted for nothing.
 */
public class TargetConfigurator implements TargetSink {

    /** The engine's factory PID of monitored targets. */
    public static final String FACTORY_PID = "io.fileintegrity.engine.target";

    private final ConfigurationAdmin configAdmin;

    public TargetConfigurator(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** Makes the configuration of target {@code properties.get("id")} equal {@code properties}; true if it changed. */
    @Override
    public boolean apply(Map<String, Object> properties) throws IOException {
        Configuration configuration = find((String) properties.get("id"));
        if (configuration == null) {
            configuration = configAdmin.createFactoryConfiguration(FACTORY_PID, "?");
        } else if (same(configuration.getProperties(), properties)) {
            return false;
        }
        configuration.update(new Hashtable<>(properties));
        return true;
    }

    /** Deletes the configuration of target {@code id}, stopping its loop (the baseline stays on disk). */
    public void remove(String id) throws IOException {
        Configuration configuration = find(id);
        if (configuration != null) {
            configuration.delete();
        }
    }

    private Configuration find(String id) throws IOException {
        try {
            String filter = "(&(service.factoryPid=" + FACTORY_PID + ")(id=" + escape(id) + "))";
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("target id cannot be used in a filter: " + id, e);
        }
    }

    private static boolean same(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!Objects.equals(current.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        int own = 0;
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                own++;
            }
        }
        return own == wanted.size();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
