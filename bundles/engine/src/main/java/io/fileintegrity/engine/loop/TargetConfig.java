package io.fileintegrity.engine.loop;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory configuration of one monitored target (factory PID {@code io.fileintegrity.engine.target}). */
@ObjectClassDefinition(name = "File Integrity: monitored target",
        description = "One scan loop: what to check, with which provider, how often.")
public @interface TargetConfig {

    @AttributeDefinition(description = "Stable id of the target, e.g. 'local' or 'namespace/fileintegrity/node'.")
    String id();

    @AttributeDefinition(description = "Name shown to people; defaults to the id.")
    String displayName() default "";

    @AttributeDefinition(description = "Integrity provider name (see 'fio providers'). Default: aide.")
    String provider() default "aide";

    @AttributeDefinition(description = "Where the host's / is visible: / standalone, /hostroot in a node agent pod.")
    String hostRoot() default "/";

    @AttributeDefinition(description = "File holding the provider configuration text; re-read before every scan.")
    String configFile();

    @AttributeDefinition(description = "Name of the configuration in messages, e.g. 'ns/configmap:aide.conf'.")
    String configSource() default "";

    @AttributeDefinition(description = "Directory for the baseline and the loop's records.")
    String stateDirectory();

    @AttributeDefinition(description = "Seconds between the end of one scan and the start of the next. Default 900.")
    long intervalSeconds() default 900;

    @AttributeDefinition(description = "Seconds to wait before the first scan. Default 0.")
    long initialDelaySeconds() default 0;

    @AttributeDefinition(description = "Old baselines kept as backups when re-initialising. Default 5.")
    int maxBackups() default 5;

    @AttributeDefinition(description = "Worker threads for reading and hashing. Default 2.")
    int threads() default 2;

    @AttributeDefinition(description = "Cap on bytes read per second, 0 for none. Default 0.")
    long ioBytesPerSecond() default 0;

    @AttributeDefinition(description = "Cap on the CPU a scan uses, in percent of one core (30 = 300m), averaged over "
            + "the scan by pausing between files; 0 for none. Default 0.")
    int maxCpuPercent() default 0;

    @AttributeDefinition(description = "Provider parameters, each NAME=VALUE (e.g. aide.hash.provider=jdk); names "
            + "starting with 'fio.' are reserved. Default none.")
    String[] parameters() default {};

    @AttributeDefinition(description = "When true no scan starts (holdoff during a node update). Default false.")
    boolean paused() default false;

    @AttributeDefinition(description = "Recent results kept in memory for views. Default 20.")
    int historySize() default 20;
}
