package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** {@code spec.config}: where the provider configuration is, and the scan timings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FileIntegrityConfig {

    /** The ConfigMap key used when {@code key} is empty. */
    public static final String DEFAULT_KEY = "aide.conf";
    /** Seconds between scans when not set. */
    public static final int DEFAULT_GRACE_PERIOD = 900;
    /** FIO raises a smaller grace period to this many seconds. */
    public static final int MIN_GRACE_PERIOD = 10;
    /** Backups kept when not set. */
    public static final int DEFAULT_MAX_BACKUPS = 5;

    @JsonPropertyDescription("Name of a ConfigMap holding the provider configuration; used only together with namespace.")
    private String name;

    @JsonPropertyDescription("Namespace of that ConfigMap; used only together with name.")
    private String namespace;

    @JsonPropertyDescription("Data key inside the ConfigMap (default aide.conf).")
    @Default(DEFAULT_KEY)
    private String key;

    @JsonPropertyDescription("Seconds between scans (default 900). Values below 10 are accepted, as FIO accepts them,"
            + " and raised to 10; status.message and a GracePeriodRaised event say so.")
    @Default("900")
    private Integer gracePeriod;

    @JsonPropertyDescription("How many baseline and log backups to keep after re-inits (default 5).")
    @Default("5")
    @Min(0)
    private Integer maxBackups;

    @JsonPropertyDescription("Seconds after the FileIntegrity's creation before the check DaemonSet is created.")
    @Min(0)
    private Integer initialDelay;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Integer getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(Integer gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    public Integer getMaxBackups() {
        return maxBackups;
    }

    public void setMaxBackups(Integer maxBackups) {
        this.maxBackups = maxBackups;
    }

    public Integer getInitialDelay() {
        return initialDelay;
    }

    public void setInitialDelay(Integer initialDelay) {
        this.initialDelay = initialDelay;
    }

    /** Whether a user ConfigMap is named: FIO uses one only when both name and namespace are set. */
    public boolean hasUserConfigMap() {
        return name != null && !name.isEmpty() && namespace != null && !namespace.isEmpty();
    }

    /** The data key, {@value #DEFAULT_KEY} when empty. */
    public String keyOrDefault() {
        return key == null || key.isEmpty() ? DEFAULT_KEY : key;
    }

    /** Seconds between scans: the default when unset, at least {@value #MIN_GRACE_PERIOD}. */
    public int effectiveGracePeriod() {
        int value = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
        return Math.max(MIN_GRACE_PERIOD, value);
    }

    /** Backups to keep: the default when unset, never negative. */
    public int effectiveMaxBackups() {
        return maxBackups == null ? DEFAULT_MAX_BACKUPS : Math.max(0, maxBackups);
    }

    /** Seconds of initial delay, 0 when unset. */
    public int effectiveInitialDelay() {
        return initialDelay == null ? 0 : Math.max(0, initialDelay);
    }
}
