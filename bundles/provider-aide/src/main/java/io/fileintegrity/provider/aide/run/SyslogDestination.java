package io.fileintegrity.provider.aide.run;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code report_url=syslog:LOG_xxx}: each report piece is one message to {@code /dev/log}, as AIDE's
 * {@code vsyslog(LOG_NOTICE, ...)} with {@code openlog("aide", LOG_CONS, facility)} sends it through glibc:
 * {@code <PRI>Mmm dd hh:mm:ss aide: piece} (local time, C locale, no PID, the piece unchanged, no
 * trailing NUL on a datagram socket). A stream socket gets a NUL after each message, as glibc does.
 * When the socket is missing or refuses, one warning is given and the rest of the report is dropped
 * (AIDE's LOG_CONS would write to {@code /dev/console}, which the engine does not touch).
 */
final class SyslogDestination implements ReportDestination {
    static final String DEV_LOG = "/dev/log";
    /** AIDE's compile-time {@code --with-syslog-priority} (LOG_NOTICE) and {@code --with-syslog-ident}. */
    static final int PRIORITY = 5;
    static final String IDENT = "aide";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss ", Locale.US);

    private final String socketPath;
    private final int facility;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final String name;
    private int fd = -1;
    private boolean stream;
    private boolean failed;

    /**
     * @param name the URL, for warnings
     * @param warnings where a failure to reach the socket is reported (once)
     */
    SyslogDestination(String socketPath, int facility, Clock clock, String name, Consumer<String> warnings) {
        this.socketPath = socketPath;
        this.facility = facility;
        this.clock = clock;
        this.name = name;
        this.warnings = warnings;
    }

    @Override
    public void print(String piece) {
        if (failed) {
            return;
        }
        if ((fd < 0 && !connect()) || (!send(message(piece)) && !(reconnect() && send(message(piece))))) {
            fail("cannot send to " + socketPath + ": " + PosixCalls.lastError());
        }
    }

    /** The message bytes of one piece, with glibc's header. */
    byte[] message(String piece) {
        String header = "<" + (facility | PRIORITY) + ">" + STAMP.format(ZonedDateTime.now(clock)) + IDENT + ": ";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] p = piece.getBytes(StandardCharsets.ISO_8859_1);
        byte[] m = new byte[h.length + p.length + (stream ? 1 : 0)];
        System.arraycopy(h, 0, m, 0, h.length);
        System.arraycopy(p, 0, m, h.length, p.length);
        return m;
    }

    private boolean connect() {
        byte[] address;
        try {
            address = PosixCalls.unixAddress(socketPath);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int type : new int[] {PosixCalls.SOCK_DGRAM, PosixCalls.SOCK_STREAM}) {
            int s = PosixCalls.socket(PosixCalls.AF_UNIX, type | PosixCalls.SOCK_CLOEXEC, 0);
            if (s < 0) {
                return false;
            }
            if (PosixCalls.connect(s, address, address.length) == 0) {
                fd = s;
                stream = type == PosixCalls.SOCK_STREAM;
                return true;
            }
            int errno = Native.getLastError();
            PosixCalls.close(s);
            if (errno != PosixCalls.EPROTOTYPE) {
                Native.setLastError(errno);
                return false;
            }
        }
        return false;
    }

    private boolean reconnect() {
        closeSocket();
        return connect();
    }

    private boolean send(byte[] message) {
        long n;
        do {
            n = PosixCalls.send(fd, message, message.length, PosixCalls.MSG_NOSIGNAL);
        } while (n < 0 && Native.getLastError() == PosixCalls.EINTR);
        return n == message.length;
    }

    private void fail(String why) {
        failed = true;
        closeSocket();
        warnings.accept("report_url '" + name + "': " + why + "; the rest of this report is not sent to syslog");
    }

    private void closeSocket() {
        if (fd >= 0) {
            PosixCalls.close(fd);
            fd = -1;
        }
    }

    @Override
    public void close() throws IOException {
        closeSocket();
    }
}
