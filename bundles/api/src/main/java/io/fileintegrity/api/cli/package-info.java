/**
 * Subcommands of {@code bin/fio}. A bundle adds a subcommand by registering a {@link
 * io.fileintegrity.api.cli.Subcommand} service with the property {@value
 * io.fileintegrity.api.cli.Subcommand#NAME_PROPERTY}.
 */
@Export
@Version("1.0.0")
package io.fileintegrity.api.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
