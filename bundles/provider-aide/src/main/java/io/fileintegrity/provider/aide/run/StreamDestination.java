package io.fileintegrity.provider.aide.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A report written to a stream (a file, stdout, stderr, an inherited descriptor): the pieces as
 * bytes (one per char), buffered, so memory stays at the buffer whatever the report's size.
 */
final class StreamDestination implements ReportDestination {
    private static final int BUFFER = 1 << 16;

    private final OutputStream target;
    private final BufferedOutputStream out;
    private final boolean closeTarget;
    private final String name;

    /**
     * @param closeTarget whether {@link #close} closes the stream (files) or only flushes it (stdout)
     * @param name the URL, for errors
     */
    StreamDestination(OutputStream target, boolean closeTarget, String name) {
        this.target = target;
        this.out = new BufferedOutputStream(target, BUFFER);
        this.closeTarget = closeTarget;
        this.name = name;
    }

    @Override
    public void print(String piece) throws IOException {
        out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        try {
            out.flush();
            // a PrintStream swallows write errors (a full disk behind stdout); surface them
            if (target instanceof PrintStream p && p.checkError()) {
                throw new IOException("write error on " + name);
            }
        } finally {
            if (closeTarget) {
                target.close();
            }
        }
    }
}
