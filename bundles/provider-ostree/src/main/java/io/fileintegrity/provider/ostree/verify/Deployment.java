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
 * @param foundBy how it was chosen: {@code kernel-cmdline}, {@code boot-loader-entry} or {@code only-deployment}
 */
public record Deployment(Path repository, String stateroot, Checksum commit, int serial, Path directory,
        Optional<String> refspec, String foundBy) {}
