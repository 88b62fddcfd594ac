package io.fileintegrity.launcher;

/**
 * Turns SIGTERM/SIGINT into an orderly framework stop: components deactivate, running scans are cancelled
 * between files and no baseline is left half-written.
 */
enum ShutdownSignal {
    INSTANCE;

    private volatile boolean inProgress;
    private volatile FelixRuntime runtime;
    private boolean installed;

    synchronized void install(FelixRuntime value) {
        this.runtime = value;
        if (!installed) {
            installed = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "fio-shutdown"));
        }
    }

    boolean inProgress() {
        return inProgress;
    }

    private void stop() {
        inProgress = true;
        FelixRuntime current = runtime;
        if (current != null) {
            try {
                current.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
