package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.ReportUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/** Opens one {@code report_url} as AIDE's {@code init_report_urls}/{@code be_init} would. */
final class ReportDestinations {
    private ReportDestinations() {}

    /**
     * @param syslogFacility the facility all syslog reports share
     * @throws IOException with AIDE's message for the URL (without the config location)
     */
    static ReportDestination open(ReportUrl u, ReportPublisher.Outputs outputs, int syslogFacility,
            Consumer<String> warnings) throws IOException {
        AideUrl url = u.url();
        return switch (url.type()) {
            case STDOUT -> new StreamDestination(outputs.stdout(), false, "stdout");
            case STDERR -> new StreamDestination(outputs.stderr(), false, "stderr");
            case FILE -> new StreamDestination(openFile(Path.of(url.value()), u.settings().append()), true,
                    url.value());
            case FD -> descriptor(url.value(), outputs);
            case SYSLOG -> new SyslogDestination(outputs.syslogSocket(), syslogFacility, outputs.clock(),
                    url.toString(), warnings);
            default -> throw new IOException("unsupported report URL-type: '" + url.type().scheme() + "'");
        };
    }

    private static OutputStream openFile(Path file, boolean append) throws IOException {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.newOutputStream(file, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new IOException("open (read/write) failed for file '" + file + "': No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException("open (read/write) failed for file '" + file + "': Permission denied", e);
        } catch (IOException e) {
            throw new IOException("open (read/write) failed for file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * {@code fd:N}. Descriptors 1 and 2 are the command's own stdout and stderr streams (in the JVM they
     * may be redirected, and their buffers must stay in order); other numbers are written with write(2).
     */
    private static ReportDestination descriptor(String value, ReportPublisher.Outputs outputs) throws IOException {
        int fd;
        try {
            fd = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IOException("illegal file descriptor value:" + value);
        }
        if (fd < 0) {
            throw new IOException("illegal file descriptor value:" + value);
        }
        return switch (fd) {
            case 1 -> new StreamDestination(outputs.stdout(), false, "fd:1");
            case 2 -> new StreamDestination(outputs.stderr(), false, "fd:2");
            default -> new StreamDestination(DescriptorOutput.open(fd), false, "fd:" + fd);
        };
    }
}
