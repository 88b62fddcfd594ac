package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.AideOracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIO's default aide.conf (AIDE 0.18 variant, research notes section 7.3) with {@code /hostroot}
 * replaced by a test root: aide and fio aide agree on a fake host tree before and after changes.
 */
class FioDefaultConfigDifferentialTest {
    private static final List<String> EXCLUDES = List.of("/opt/", "/var", "/etc/NetworkManager/system-connections/",
            "/etc/mtab$", "/etc/.*~", "/etc/kubernetes/static-pod-resources", "/etc/kubernetes/aide.*",
            "/etc/kubernetes/manifests", "/etc/kubernetes/kubelet-ca.crt", "/etc/docker/certs.d",
            "/etc/selinux/targeted", "/etc/openvswitch/conf.db", "/etc/kubernetes/cni/net.d",
            "/etc/kubernetes/cni/net.d/*", "/etc/machine-config-daemon/currentconfig$",
            "/etc/machine-config-daemon/node-annotation.json*", "/etc/pki/ca-trust/extracted/java/cacerts$",
            "/etc/cvo/updatepayloads", "/etc/cni/multus/certs", "/etc/kubernetes/compliance-operator",
            "/etc/kubernetes/node-feature-discovery", "/etc/mco/internal-registry-pull-secret.json$");

    @TempDir
    Path work;

    static String config(Path root, String db) {
        StringBuilder c = new StringBuilder();
        c.append("@@define DBDIR ").append(root).append("/etc/kubernetes\n@@define LOGDIR ").append(root)
                .append("/etc/kubernetes\ndatabase_in=file:@@{DBDIR}/").append(db).append(".gz\n")
                .append("database_out=file:@@{DBDIR}/").append(db).append(".gz.new\ngzip_dbout=yes\n")
                .append("log_level=warning\nreport_level=changed_attributes\ndatabase_attrs=E\n")
                .append("report_url=file:@@{LOGDIR}/").append(db).append(".log.new\nreport_url=stdout\n")
                .append("PERMS = p+u+g+acl+selinux+xattrs\nCONTENTEX = sha512+ftype+p+u+g+n+acl+selinux+xattrs\n\n")
                .append(root).append("/boot/   CONTENTEX\n").append(root).append("/root/\\..* PERMS\n")
                .append(root).append("/root/   CONTENTEX\n!").append(root).append("/root/\\.kube\n!").append(root)
                .append("/usr/src/\n!").append(root).append("/usr/tmp/\n\n# OpenShift specific excludes\n");
        EXCLUDES.forEach(x -> c.append('!').append(root).append(x).append('\n'));
        return c.append('\n').append(root).append("/etc/ CONTENTEX").toString();
    }

    private static void file(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void fioDefaultPolicyGivesTheSameReportsAsAide() throws Exception {
        Path root = work.resolve("hostroot");
        for (String p : List.of("/etc/passwd", "/etc/hosts", "/etc/mtab", "/etc/foo~", "/etc/kubernetes/kubelet.conf",
                "/etc/kubernetes/static-pod-resources/x", "/etc/kubernetes/manifests/y", "/etc/kubernetes/kubelet-ca.crt",
                "/etc/kubernetes/cni/net.d/z", "/etc/NetworkManager/system-connections/c", "/etc/ssh/sshd_config",
                "/root/.bashrc", "/root/.kube/config", "/root/notes", "/boot/vmlinuz", "/usr/bin/x", "/var/log/x",
                "/opt/x")) {
            file(root, p, "content of " + p + "\n");
        }
        Path aideConf = work.resolve("aide.conf");
        Path oursConf = work.resolve("ours.conf");
        Files.writeString(aideConf, config(root, "aide.db"));
        Files.writeString(oursConf, config(root, "aide.ours.db"));
        Path kube = root.resolve("etc/kubernetes");

        AideOracle.Result aideInit = AideOracle.aide("-c", aideConf.toString(), "--init");
        ByteArrayOutputStream oursInit = new ByteArrayOutputStream();
        assertEquals(aideInit.exit(), AideCommandTest.ours(oursInit, "-c", oursConf.toString(), "--init").exit());
        Files.move(kube.resolve("aide.db.gz.new"), kube.resolve("aide.db.gz"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(kube.resolve("aide.ours.db.gz.new"), kube.resolve("aide.ours.db.gz"));

        AideDifferentialTest.waitForNextSecond();
        file(root, "/etc/passwd", "root:x:0:0\n");
        Files.delete(root.resolve("etc/hosts"));
        file(root, "/etc/new.conf", "new\n");
        Files.setPosixFilePermissions(root.resolve("root/.bashrc"), PosixFilePermissions.fromString("rw-rw-rw-"));
        file(root, "/etc/kubernetes/manifests/y", "excluded change\n");
        file(root, "/root/.kube/new", "excluded\n");
        file(root, "/boot/vmlinuz", "new kernel\n");

        AideOracle.Result aide = AideOracle.aide("-c", aideConf.toString(), "--check");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ours = AideCommandTest.ours(out, "-c", oursConf.toString(), "--check").exit();
        assertEquals(aide.exit(), ours);
        assertEquals(7, ours);
        String expected = AideDifferentialTest.withoutTimes(aide.out()).replace("aide.db", "aide.ours.db");
        assertEquals(expected, AideDifferentialTest.withoutTimes(out.toString()));
        assertTrue(out.toString().contains("Changed entries:\t\t3"), out.toString());
    }
}
