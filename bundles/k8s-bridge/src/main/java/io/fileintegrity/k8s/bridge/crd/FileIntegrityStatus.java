package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The observed state of a {@link FileIntegrity}: FIO's phase plus a message of ours. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FileIntegrityStatus {

    @JsonPropertyDescription("Pending, Initializing, Active or Error.")
    private FileIntegrityPhase phase;

    @JsonPropertyDescription("Why the phase is Error when no node caused it (e.g. an unknown provider), or what the operator"
            + " did differently from the spec (a grace period raised to 10, a user ConfigMap it could not use)."
            + " Not part of FIO's API.")
    private String message;

    public FileIntegrityStatus() {
    }

    public FileIntegrityStatus(FileIntegrityPhase phase, String message) {
        this.phase = phase;
        this.message = message;
    }

    public FileIntegrityPhase getPhase() {
        return phase;
    }

    public void setPhase(FileIntegrityPhase phase) {
        this.phase = phase;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
