package io.fileintegrity.reporting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.api.monitor.BaselineInfo;
import io.fileintegrity.reporting.testing.FakeMonitoredTarget;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileIntegrityConsolePluginTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final FileIntegrityConsolePlugin plugin =
            new FileIntegrityConsolePlugin(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final FakeMonitoredTarget local = new FakeMonitoredTarget("local", "this machine (host01)", "aide");

    /** A provider that only describes itself; the console never scans. */
    private record DescribedProvider(ProviderDescriptor descriptor) implements IntegrityProvider {
        @Override
        public ProviderDescriptor describe() {
            return descriptor;
        }

        @Override
        public List<ConfigProblem> validate(ProviderConfig config) {
            return List.of();
        }

        @Override
        public ScanResult initialize(ScanContext context) {
            throw new UnsupportedOperationException("the console must not scan");
        }

        @Override
        public ScanResult check(ScanContext context) {
            throw new UnsupportedOperationException("the console must not scan");
        }
    }

    @BeforeEach
    void setUp() {
        plugin.putProvider("aide", new FileIntegrityConsolePlugin.ProviderEntry(new DescribedProvider(
                new ProviderDescriptor("aide", Maturity.STABLE, "AIDE-compatible scanner", true, "text/x-aide-conf")),
                () -> "io.fileintegrity.provider-aide 0.1.0", () -> "ACTIVE"));
        plugin.putProvider("ostree", new FileIntegrityConsolePlugin.ProviderEntry(new DescribedProvider(
                new ProviderDescriptor("ostree", Maturity.EXPERIMENTAL, "OSTree verify", false, "text/plain")),
                () -> "io.fileintegrity.provider-ostree 0.1.0", () -> "RESOLVED"));
        local.results.add(ScanResult.builder("aide", ScanMode.CHECK).outcome(Outcome.FAILED)
                .started(NOW.minusSeconds(300)).duration(Duration.ofSeconds(12)).counts(new ChangeCounts(0, 10_000, 0))
                .statistics(new ScanStatistics(52_000, 734_003_200, Map.of("permission", 3L), 0)).build());
        for (int i = 0; i < 10_000; i++) {
            local.changes.add(FileChange.changed("/etc/file-" + i, List.of(new AttributeChange("SHA512", "old", "new"))));
        }
        local.baseline = new BaselineInfo("/var/lib/fio/aide.db.gz", 3_145_728, NOW.minusSeconds(7200), "ab".repeat(32));
        plugin.addTarget(local);
    }

    private FakeHttpExchange get(String... parameters) throws Exception {
        FakeHttpExchange exchange = new FakeHttpExchange("GET");
        for (int i = 0; i < parameters.length; i += 2) {
            exchange.parameter(parameters[i], parameters[i + 1]);
        }
        plugin.service(exchange.request(), exchange.response());
        return exchange;
    }

    private String token() throws Exception {
        Matcher matcher = Pattern.compile("name='fio-csrf-token' value='([^']+)'").matcher(get("target", "local").text());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    private FakeHttpExchange post(String action, String token) throws Exception {
        FakeHttpExchange exchange = new FakeHttpExchange("POST").parameter("action", action).parameter("target", "local")
                .header("Origin", "http://127.0.0.1:8080");
        if (token != null) {
            exchange.parameter(CsrfGuard.FIELD, token);
        }
        plugin.service(exchange.request(), exchange.response());
        return exchange;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void overviewListsProvidersWithMaturityBundleAndStateAndTargetsWithTheirLastResult() throws Exception {
        String html = get().text();
        assertTrue(html.contains("<tr><td>aide</td><td>STABLE</td><td>AIDE-compatible scanner</td>"
                + "<td>io.fileintegrity.provider-aide 0.1.0</td><td>ACTIVE</td></tr>"), html);
        assertTrue(html.contains("<td>ostree</td><td>EXPERIMENTAL</td>"), html);
        assertTrue(html.contains("href='/system/console/fileintegrity?target=local'>this machine (host01)</a>"), html);
        assertTrue(html.contains("FAILED (check)"), html);
        assertTrue(html.contains("<td>10,000</td>"), html);
        assertTrue(html.contains("2026-11-24 11:55:12 UTC (4 min ago)"), html);
    }

    @Test
    void targetPageShowsOnePageOfTenThousandChangesAndAsksTheTargetForOnlyThatPage() throws Exception {
        String html = get("target", "local").text();
        assertEquals(ChangesTable.PAGE_SIZE, count(html, "<td class='fio-path'>"));
        assertEquals(1, local.changeQueries.get());
        assertTrue(html.contains("1&ndash;50 of 10,000 &nbsp; page 1 of 200"), html);
        assertTrue(html.contains("href='/system/console/fileintegrity?target=local&amp;page=2'>next"), html);
        assertFalse(html.contains("fio-previous"), html);
    }

    @Test
    void targetPageShowsBaselineAndNewestResultFigures() throws Exception {
        String html = get("target", "local").text();
        assertTrue(html.contains("/var/lib/fio/aide.db.gz"), html);
        assertTrue(html.contains("3.0 MiB (3,145,728 bytes)"), html);
        assertTrue(html.contains("2026-11-24 10:00:00 UTC (2 h ago)"), html);
        assertTrue(html.contains("ab".repeat(32)), html);
        assertTrue(html.contains("<td>52,000</td>"), html);
        assertTrue(html.contains("700.0 MiB (734,003,200 bytes)"), html);
        assertTrue(html.contains("3 {permission=3}"), html);
    }

    @Test
    void searchFiltersOnTheServerAndPagesThroughTheMatches() throws Exception {
        String html = get("target", "local", "q", "FILE-99", "page", "2").text();
        // file-99, file-990..999, file-9900..9999: 111 matches, 3 pages.
        assertTrue(html.contains("51&ndash;100 of 111 matching &nbsp; page 2 of 3"), html);
        assertTrue(html.contains("?target=local&amp;q=FILE-99&amp;page=1'>&laquo; previous"), html);
        assertTrue(html.contains("value='FILE-99'"), html);
        assertEquals(50, count(html, "<td class='fio-path'>/etc/file-99"));
    }

    @Test
    void textFromTargetsAndRequestsIsEscaped() throws Exception {
        FakeMonitoredTarget hostile = new FakeMonitoredTarget("x'><script>", "<script>alert(1)</script>", "aide");
        hostile.changes.add(FileChange.added("/tmp/<img src=x onerror=alert(1)>"));
        plugin.addTarget(hostile);
        String overview = get().text();
        String page = get("target", "x'><script>", "q", "<img").text();
        assertFalse(overview.contains("<script>") || page.contains("<script>") || page.contains("<img"), page);
        assertTrue(page.contains("/tmp/&lt;img src=x onerror=alert(1)&gt;"), page);
    }

    @Test
    void scanNowWithTheFormsTokenRequestsACheckAndRedirectsBack() throws Exception {
        FakeHttpExchange response = post("scan", token());
        assertEquals(303, response.status);
        assertEquals("/system/console/fileintegrity?target=local&done=scan", response.responseHeaders.get("Location"));
        assertEquals(1, local.checksRequested.get());
        assertTrue(get("target", "local", "done", "scan").text().contains("A check was requested"));
    }

    @Test
    void reinitialiseAsksForConfirmationAndRequestsIt() throws Exception {
        String html = get("target", "local").text();
        assertTrue(html.contains("onsubmit=\"return confirm('Rebuild the baseline of this machine (host01)?"), html);
        assertEquals(303, post("reinit", token()).status);
        assertEquals(1, local.reinitsRequested.get());
        assertEquals(0, local.checksRequested.get());
    }

    @Test
    void postWithoutOrWithAWrongTokenIsRefusedAndDoesNothing() throws Exception {
        assertEquals(403, post("scan", null).status);
        FakeHttpExchange wrong = post("reinit", "forged");
        assertEquals(403, wrong.status);
        assertTrue(wrong.text().startsWith("Refused: the form's security token is missing or out of date"));
        assertEquals(0, local.checksRequested.get() + local.reinitsRequested.get());
    }

    @Test
    void postFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        FakeHttpExchange exchange = new FakeHttpExchange("POST").parameter("action", "scan").parameter("target", "local")
                .parameter(CsrfGuard.FIELD, token()).header("Origin", "http://evil.example");
        plugin.service(exchange.request(), exchange.response());
        assertEquals(403, exchange.status);
        assertEquals(0, local.checksRequested.get());
    }

    @Test
    void postForAnUnknownTargetOrActionSaysWhat() throws Exception {
        String token = token();
        FakeHttpExchange unknownTarget = new FakeHttpExchange("POST").parameter("action", "scan")
                .parameter("target", "gone").parameter(CsrfGuard.FIELD, token);
        plugin.service(unknownTarget.request(), unknownTarget.response());
        assertEquals(404, unknownTarget.status);
        assertEquals(400, post("format-disk", token).status);
    }

    @Test
    void unknownTargetInTheAddressShowsANoticeAndTheOverview() throws Exception {
        String html = get("target", "removed-node").text();
        assertTrue(html.contains("No monitored target has the id &quot;removed-node&quot;"), html);
        assertTrue(html.contains("id='providers'"), html);
    }

    @Test
    void providerWhoseDescribeFailsIsStillListedWithTheReason() throws Exception {
        plugin.putProvider("broken", new FileIntegrityConsolePlugin.ProviderEntry(new FailingProvider(),
                () -> "third.party 1.0", () -> "ACTIVE"));
        String html = get().text();
        assertTrue(html.contains("describe() failed: no descriptor yet"), html);
        assertTrue(html.contains("<td>third.party 1.0</td>"), html);
    }

    /** A third-party provider whose describe() throws. */
    private static final class FailingProvider implements IntegrityProvider {
        @Override
        public ProviderDescriptor describe() {
            throw new IllegalStateException("no descriptor yet");
        }

        @Override
        public List<ConfigProblem> validate(ProviderConfig config) {
            return List.of();
        }

        @Override
        public ScanResult initialize(ScanContext context) {
            throw new UnsupportedOperationException("the console must not scan");
        }

        @Override
        public ScanResult check(ScanContext context) {
            throw new UnsupportedOperationException("the console must not scan");
        }
    }
}
