package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.Checksum;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A deployment found in a sysroot: {@code ostree/deploy/STATEROOT/deploy/COMMIT.SERIAL}.
 *
 * @param repository the sysroot's repository, {@code ostree/repo}
 * @param stateroot the stateroot ("os") name
 * @param commit the commit the deployment is a checkout of
 * @param serial the serial after the dot
 * @param directory the deployment's root directory
 * @param refspec the {@code refspec} of its {@code .origin} file, when there is one
 * @param foundBy how it was chosen: {@code host-root-inode} (it is the host's {@code /}), {@code kernel-cmdline}
 *     (the {@code ostree=} boot link as written), {@code kernel-cmdline-bootcsum} (boot links changed since boot:
 *     the only deployment with the argument's stateroot and kernel), {@code boot-loader-entry} (no {@code ostree=}
 *     argument: the default entry) or {@code only-deployment}
 */
public record Deployment(Path repository, String stateroot, Checksum commit, int serial, Path directory,
        Optional<String> refspec, String foundBy) {}
