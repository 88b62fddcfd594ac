/**
 * The aide.conf dialect of AIDE 0.18: reading a configuration and deciding which entries it selects.
 *
 * <p>{@link io.fileintegrity.provider.aide.config.AideConfigParser} turns a
 * {@link io.fileintegrity.provider.aide.config.ConfigSource} into an immutable
 * {@link io.fileintegrity.provider.aide.config.AideConfig} plus every problem with its file and line;
 * {@link io.fileintegrity.provider.aide.config.SelectionMatcher} applies its rules exactly as AIDE's rule
 * tree does. {@link io.fileintegrity.provider.aide.config.Attribute} and
 * {@link io.fileintegrity.provider.aide.config.AttributeSet} are AIDE's attributes in its bit order, shared
 * with the database, compare and report packages. Hashes that are not FIPS-approved are config errors
 * unless the caller opts in to dropping them.
 *
 * <p>The behaviour is checked against the real {@code aide} binary ({@code --config-check},
 * {@code --path-check}, {@code --dry-init}, {@code -L rule}/{@code -L config} logs) in this package's tests.
 */
package io.fileintegrity.provider.aide.config;
