package io.fileintegrity.itest.k8s;

/** A user's aide.conf as the operator tests give it, and the /hostroot form the operator must make of it. */
final class UserAideConf {

    private UserAideConf() {}

    /** A user's FIO-style aide.conf with host paths. */
    static final String HOST_PATHS = String.join("\n", "@@define DBDIR /etc/kubernetes", "@@define LOGDIR /etc/kubernetes",
            "database=file:@@{DBDIR}/aide.db.gz", "database_out=file:@@{DBDIR}/aide.db.gz.new", "gzip_dbout=yes",
            "report_url=file:@@{LOGDIR}/aide.log", "report_url=stdout",
            "CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs", "/etc/ CONTENT_EX", "!/etc/mtab",
            "/hostroot/opt CONTENT_EX", "");

    /** The same text as the operator converts it for /hostroot, written by hand from FIO's rules (fio-operator.md 7.1). */
    static final String CONVERTED = String.join("\n", "@@define DBDIR /hostroot/etc/kubernetes",
            "@@define LOGDIR /hostroot/etc/kubernetes", "database=file:@@{DBDIR}/aide.db.gz",
            "database_out=file:@@{DBDIR}/aide.db.gz.new", "gzip_dbout=yes", "report_url=file:@@{LOGDIR}/aide.log.new",
            "report_url=stdout", "CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs", "/hostroot/etc/ CONTENT_EX",
            "!/hostroot/etc/mtab", "/hostroot/opt CONTENT_EX", "");
}
