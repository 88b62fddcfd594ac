package io.fileintegrity.reporting.console;

/**
 * One registered integrity provider as the console lists it.
 *
 * @param name the provider's name
 * @param maturity {@code STABLE} or {@code EXPERIMENTAL}, or a note when describe() failed
 * @param summary its one-line summary
 * @param bundle symbolic name and version of the bundle that registered it
 * @param state that bundle's state, e.g. {@code ACTIVE}
 */
record ProviderRow(String name, String maturity, String summary, String bundle, String state) {
}
