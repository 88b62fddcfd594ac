package io.fileintegrity.k8s.bridge.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** FIO's {@code FileIntegrity}: which nodes to check, how, and the phase of the whole check. */
@Group(FileIntegrity.GROUP)
@Version(FileIntegrity.VERSION)
@Kind("FileIntegrity")
@Plural("fileintegrities")
@Singular("fileintegrity")
public class FileIntegrity extends CustomResource<FileIntegritySpec, FileIntegrityStatus> implements Namespaced {
    private static final long serialVersionUID = 1L;

    public static final String GROUP = "fileintegrity.openshift.io";
    public static final String VERSION = "v1alpha1";

    @Override
    protected FileIntegritySpec initSpec() {
        return new FileIntegritySpec();
    }
}
