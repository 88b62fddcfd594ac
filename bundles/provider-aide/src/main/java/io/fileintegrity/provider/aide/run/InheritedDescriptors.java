package io.fileintegrity.provider.aide.run;

import java.util.Set;
import java.util.TreeSet;

/**
 * The file descriptors the calling process handed to {@code fio aide} (for {@code report_url=fd:N}).
 * Inside a JVM most low descriptors are the runtime's own (jar files, the perf-data file, cgroup files),
 * so "open and writable" is not enough: {@code bin/fio} lists the descriptors it passes on through the
 * exec (those without close-on-exec, 3 and up) in the system property {@value #PROPERTY}, and only
 * those are written to. Without the property (the engine run outside {@code bin/fio}, e.g. tests)
 * every open, writable descriptor is taken, as AIDE does.
 */
final class InheritedDescriptors {
    static final String PROPERTY = "fio.inherited.fds";

    private final Set<Integer> fds;

    private InheritedDescriptors(Set<Integer> fds) {
        this.fds = fds;
    }

    /** The descriptors named by the system property of this process. */
    static InheritedDescriptors ofThisProcess() {
        return parse(System.getProperty(PROPERTY));
    }

    /** Parses a comma-separated list ("" = none inherited, null = not known); bad items are ignored. */
    static InheritedDescriptors parse(String list) {
        if (list == null) {
            return new InheritedDescriptors(null);
        }
        Set<Integer> fds = new TreeSet<>();
        for (String item : list.split(",")) {
            try {
                fds.add(Integer.parseInt(item.trim()));
            } catch (NumberFormatException e) {
                // a malformed item names no descriptor
            }
        }
        return new InheritedDescriptors(fds);
    }

    /** Whether {@code fd} (3 and up) came from the calling process, or the list is not known. */
    boolean allows(int fd) {
        return fds == null || fds.contains(fd);
    }
}
