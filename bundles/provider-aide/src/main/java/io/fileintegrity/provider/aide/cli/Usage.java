package io.fileintegrity.provider.aide.cli;

/** The {@code --help} text. */
final class Usage {
    static final String TEXT = """
            Usage: fio aide [options] command

            Commands:
              -i, --init                 Initialize the database
              -n, --dry-init             Traverse the file system and match the rules, but write no database
              -C, --check                Check the database (the default command)
              -u, --update               Check and update the database non-interactively
              -E, --compare              Compare two databases (database_in and database_new)
              -D, --config-check         Test the configuration file
              -p, --path-check=T:PATH    Match a file type T (f d l p b c s) and PATH against the rules
              -h, --help                 Show this help
              -v, --version              Show the version

            Options:
              -c, --config=FILE          Read the configuration from FILE (default /etc/aide/aide.conf)
              -l, --limit=REGEX          Limit the command to entries matching REGEX
              -B, --before="LINE"        Read LINE before the configuration file
              -A, --after="LINE"         Read LINE after the configuration file
              -L, --log-level=LEVEL      error, warning (default), notice, info, rule, compare, config, debug
              -W, --workers=N            Threads for attributes and hashing (default: num_workers, else all CPUs)
              --hash-provider=P          bc-fips (default) or jdk (faster SHA-512, not FIPS-validated)
              --drop-non-approved-hashes Drop md5, sha1, ... from rules instead of refusing the configuration

            Exit codes: 0 ok; bit mask 1 added, 2 removed, 4 changed entries (check, update, compare);
              14 write error, 15 invalid argument, 16 unsupported URL, 17 configuration error,
              18 I/O error (config or database missing, unreadable or corrupt), 20 @@x_include failed;
              --path-check: 0 match, 1 no match, 2 outside the limit.
            """;

    private Usage() {}
}
