package io.fileintegrity.provider.aide.database;

/**
 * A POSIX ACL as AIDE keeps it: the {@code acl_to_text} forms of the access and the default ACL.
 *
 * @param access access ACL text (entries separated by newlines), or null
 * @param defaults default ACL text, or null (files, and directories without a default ACL)
 */
public record AclValue(String access, String defaults) {}
