package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The desired state of a {@link FileIntegrity}: FIO's fields plus our {@code provider}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FileIntegritySpec {

    /** The provider used when {@code spec.provider} is not set. */
    public static final String DEFAULT_PROVIDER = "aide";

    @JsonPropertyDescription("Selects the nodes to check; copied into the DaemonSet's pod template.")
    private Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Tolerations of the check pods. The default tolerates the master and infra NoSchedule taints;"
            + " a value given here replaces the default.")
    @Default("[{\"key\":\"node-role.kubernetes.io/master\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"},"
            + "{\"key\":\"node-role.kubernetes.io/infra\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("PriorityClass of the check pods; an unknown class is reported and cleared.")
    private String priorityClassName;

    @JsonPropertyDescription("Enables the agents' debug log lines.")
    private Boolean debug;

    @Required
    @JsonPropertyDescription("The provider configuration and scan timings.")
    private FileIntegrityConfig config = new FileIntegrityConfig();

    @JsonPropertyDescription("Name of the integrity provider that checks the nodes (aide, ostree, ima or a"
            + " third-party provider's name). Not part of FIO's API.")
    @Default(DEFAULT_PROVIDER)
    private String provider;

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }

    public Boolean getDebug() {
        return debug;
    }

    public void setDebug(Boolean debug) {
        this.debug = debug;
    }

    /** {@link #getDebug()} with null read as false. */
    public boolean debugEnabled() {
        return Boolean.TRUE.equals(debug);
    }

    public FileIntegrityConfig getConfig() {
        return config;
    }

    public void setConfig(FileIntegrityConfig config) {
        this.config = config;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** The provider's name, {@value #DEFAULT_PROVIDER} when none is set. */
    public String providerName() {
        return provider == null || provider.isBlank() ? DEFAULT_PROVIDER : provider;
    }
}
