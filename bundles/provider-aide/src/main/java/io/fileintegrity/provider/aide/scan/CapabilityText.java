package io.fileintegrity.provider.aide.scan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * File capabilities in libcap's {@code cap_to_text} form (what AIDE stores), for the usual case of a
 * few capabilities: groups of capabilities with the same flags, e.g. {@code cap_net_admin,cap_net_raw=ep}.
 * Read from the {@code security.capability} xattr ({@code struct vfs_cap_data}, revision 2 or 3).
 */
final class CapabilityText {
    private static final String[] NAMES = {
        "cap_chown", "cap_dac_override", "cap_dac_read_search", "cap_fowner", "cap_fsetid", "cap_kill",
        "cap_setgid", "cap_setuid", "cap_setpcap", "cap_linux_immutable", "cap_net_bind_service",
        "cap_net_broadcast", "cap_net_admin", "cap_net_raw", "cap_ipc_lock", "cap_ipc_owner", "cap_sys_module",
        "cap_sys_rawio", "cap_sys_chroot", "cap_sys_ptrace", "cap_sys_pacct", "cap_sys_admin", "cap_sys_boot",
        "cap_sys_nice", "cap_sys_resource", "cap_sys_time", "cap_sys_tty_config", "cap_mknod", "cap_lease",
        "cap_audit_write", "cap_audit_control", "cap_setfcap", "cap_mac_override", "cap_mac_admin", "cap_syslog",
        "cap_wake_alarm", "cap_block_suspend", "cap_audit_read", "cap_perfmon", "cap_bpf", "cap_checkpoint_restore"
    };
    private static final int EFFECTIVE = 4;
    private static final int INHERITABLE = 2;
    private static final int PERMITTED = 1;

    private CapabilityText() {}

    /** The text for an xattr value, or null when it sets no capability. */
    static String fromXattr(byte[] value) {
        if (value.length < 20) {
            throw new IllegalArgumentException("security.capability of " + value.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        boolean effective = (magic & 1) != 0;
        long permitted = Integer.toUnsignedLong(b.getInt(4)) | Integer.toUnsignedLong(b.getInt(12)) << 32;
        long inheritable = Integer.toUnsignedLong(b.getInt(8)) | Integer.toUnsignedLong(b.getInt(16)) << 32;
        int[] flags = new int[64];
        for (int cap = 0; cap < 64; cap++) {
            boolean p = (permitted >>> cap & 1) != 0;
            boolean i = (inheritable >>> cap & 1) != 0;
            flags[cap] = (p ? PERMITTED : 0) | (i ? INHERITABLE : 0) | (effective && (p || i) ? EFFECTIVE : 0);
        }
        return render(flags);
    }

    private static String render(int[] flags) {
        List<String> groups = new ArrayList<>();
        for (int value = 7; value >= 1; value--) {
            List<String> caps = new ArrayList<>();
            for (int cap = 0; cap < flags.length; cap++) {
                if (flags[cap] == value) {
                    caps.add(cap < NAMES.length ? NAMES[cap] : Integer.toString(cap));
                }
            }
            if (!caps.isEmpty()) {
                groups.add(String.join(",", caps) + "=" + letters(value));
            }
        }
        return groups.isEmpty() ? null : String.join(" ", groups);
    }

    private static String letters(int value) {
        return ((value & EFFECTIVE) != 0 ? "e" : "") + ((value & INHERITABLE) != 0 ? "i" : "")
                + ((value & PERMITTED) != 0 ? "p" : "");
    }
}
