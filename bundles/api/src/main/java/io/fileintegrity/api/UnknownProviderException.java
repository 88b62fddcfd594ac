package io.fileintegrity.api;

import java.util.List;

/** No provider is registered under the requested name; the message lists the ones that are. */
public class UnknownProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String requested;
    private final List<String> available;

    public UnknownProviderException(String requested, List<String> available) {
        super("unknown integrity provider '" + requested + "'; available: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available)));
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** The name that was asked for. */
    public String requested() {
        return requested;
    }

    /** The names registered when the lookup was made, sorted. */
    public List<String> available() {
        return available;
    }
}
