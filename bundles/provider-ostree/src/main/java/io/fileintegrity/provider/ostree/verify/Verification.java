package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.Commit;
import io.fileintegrity.provider.ostree.repo.ContentHasher;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.ReadThrottle;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One verification of a tree on disk against a commit: OS content under the policy's roots, then,
 * for a deployment layout (the commit has {@code /usr/etc} and no {@code /etc}), the three-way
 * {@code /etc} comparison of research/ostree.md §7.
 */
public final class Verification {

    /**
     * What to verify: a tree on disk, the commit it should be, and the repository holding it. A deployment
     * always has an {@code /etc} to compare; a plain checkout only when it has one.
     */
    public record Target(Path repository, Checksum commit, Path tree, boolean deployment) {

        /** A plain checkout. */
        public Target(Path repository, Checksum commit, Path tree) {
            this(repository, commit, tree, false);
        }
    }

    /**
     * What a run found besides the changes.
     *
     * @param commit the commit object
     * @param entries directories, files and symlinks examined
     * @param bytesHashed content bytes read
     * @param ignored entries skipped by the ignore list
     * @param etcNotes /etc differences when the policy is {@link EtcPolicy#INFO}
     * @param repository the opened repository
     * @param deferred hard-linked files whose re-hash the {@link Rotation} left to a later run
     */
    public record Summary(Commit commit, long entries, long bytesHashed, long ignored, List<FileChange> etcNotes,
            OstreeRepository repository, long deferred) {}

    private static final int WINDOW = 4096;
    /** What a deployment has beside the commit: /etc (compared separately), the composefs image. */
    private static final Set<String> DEPLOYMENT_EXTRAS = Set.of("/etc", "/.ostree.cfs");

    private final XattrReader xattrs;
    private final VerificationPolicy policy;
    private final int threads;
    private final Cancellation cancellation;
    private final ProgressListener progress;
    private final ReadThrottle throttle;
    private final Rotation rotation;

    public Verification(XattrReader xattrs, VerificationPolicy policy, int threads, Cancellation cancellation,
            ProgressListener progress) {
        this(xattrs, policy, threads, cancellation, progress, ReadThrottle.NONE);
    }

    public Verification(XattrReader xattrs, VerificationPolicy policy, int threads, Cancellation cancellation,
            ProgressListener progress, ReadThrottle throttle) {
        this(xattrs, policy, threads, cancellation, progress, throttle, Rotation.OFF);
    }

    public Verification(XattrReader xattrs, VerificationPolicy policy, int threads, Cancellation cancellation,
            ProgressListener progress, ReadThrottle throttle, Rotation rotation) {
        this.rotation = rotation;
        this.throttle = throttle;
        this.xattrs = xattrs;
        this.policy = policy;
        this.threads = Math.max(1, threads);
        this.cancellation = cancellation;
        this.progress = progress;
    }

    /** Verifies; every change goes to {@code changes} on the calling thread, in walk order. */
    public Summary run(Target target, Consumer<FileChange> changes) throws IOException {
        OstreeRepository repository = OstreeRepository.open(target.repository(), xattrs);
        Commit commit = repository.loadCommit(target.commit());
        List<ContentHasher> hashers = new ArrayList<>();
        ThreadLocal<ContentHasher> hasher = ThreadLocal.withInitial(() -> register(hashers, new ContentHasher(throttle)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        OrderedChanges osChanges = new OrderedChanges(pool, changes, WINDOW);
        CommitPaths paths = new CommitPaths(repository, commit);
        boolean etcLayout = paths.hasDeploymentEtcLayout();
        WalkContext context = new WalkContext(repository, xattrs, osChanges, cancellation, progress,
                () -> bytesHashed(hashers), etcLayout ? DEPLOYMENT_EXTRAS : Set.of(), new AtomicLong(), new AtomicLong(),
                new AtomicLong());
        List<FileChange> etcNotes = new ArrayList<>();
        try {
            verifyRoots(context, paths, target.tree(), hasher);
            osChanges.flush();
            boolean hasEtc = target.deployment() || java.nio.file.Files.exists(target.tree().resolve("etc"));
            if (etcLayout && hasEtc && policy.etc() != EtcPolicy.IGNORE && coversEtc()) {
                Consumer<FileChange> etcSink = policy.etc() == EtcPolicy.REPORT ? changes : etcNotes::add;
                verifyEtc(context, paths, target.tree(), hasher, new OrderedChanges(pool, etcSink, WINDOW));
            }
        } finally {
            osChanges.abandon();
            pool.shutdownNow();
        }
        progress.progress(new ScanProgress(context.entries().get(), bytesHashed(hashers), context.entries().get(),
                bytesHashed(hashers)));
        return new Summary(commit, context.entries().get(), bytesHashed(hashers), context.ignored().get(), etcNotes,
                repository, context.deferred().get());
    }

    private static long bytesHashed(List<ContentHasher> hashers) {
        synchronized (hashers) {
            return hashers.stream().mapToLong(ContentHasher::bytesHashed).sum();
        }
    }

    private void verifyRoots(WalkContext context, CommitPaths paths, Path tree, ThreadLocal<ContentHasher> hasher)
            throws IOException {
        TreeVerifier verifier = new TreeVerifier(context, policy,
                new FileVerifier(context.repository(), xattrs, policy, hasher, rotation, context.deferred()));
        for (String root : policy.roots()) {
            if (root.equals("/etc") || root.startsWith("/etc/")) {
                continue;
            }
            CommitPaths.Entry entry = paths.find(root);
            Path disk = root.equals("/") ? tree : tree.resolve(root.substring(1));
            if (entry.isDirectory()) {
                verifier.verifyDirectory(entry.tree(), entry.meta(), disk, root, ChangeReasons.OS);
            } else {
                verifier.verifyFile(entry.content(), disk, root, ChangeReasons.OS);
            }
        }
    }

    private void verifyEtc(WalkContext context, CommitPaths paths, Path tree, ThreadLocal<ContentHasher> hasher,
            OrderedChanges etcChanges) throws IOException {
        VerificationPolicy etcPolicy = new VerificationPolicy(policy.roots(), policy.etc(), policy.ignore(),
                policy.checkOwner(), false);
        WalkContext etcContext = context.withChanges(etcChanges);
        TreeVerifier verifier = new TreeVerifier(etcContext, etcPolicy,
                new FileVerifier(context.repository(), xattrs, etcPolicy, hasher, Rotation.OFF, context.deferred()));
        CommitPaths.Entry usrEtc = paths.find("/usr/etc");
        try {
            verifier.verifyDirectory(usrEtc.tree(), usrEtc.meta(), tree.resolve("etc"), "/etc", ChangeReasons.ETC);
            etcChanges.flush();
        } finally {
            etcChanges.abandon();
        }
    }

    private boolean coversEtc() {
        return policy.roots().stream().anyMatch(r -> r.equals("/") || r.equals("/etc"));
    }

    private static ContentHasher register(List<ContentHasher> hashers, ContentHasher hasher) {
        synchronized (hashers) {
            hashers.add(hasher);
        }
        return hasher;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ostree-verify-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
