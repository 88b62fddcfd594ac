package io.fileintegrity.provider.ima.log;

/** A measurement list that cannot be read: names the list, the 1-based entry number and the reason. */
public class MeasurementListException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long entryNumber;
    private final String reason;

    public MeasurementListException(String source, long entryNumber, String reason) {
        super(source + ": entry " + entryNumber + ": " + reason);
        this.source = source;
        this.entryNumber = entryNumber;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** The 1-based number of the entry that could not be read. */
    public long entryNumber() {
        return entryNumber;
    }

    public String reason() {
        return reason;
    }
}
