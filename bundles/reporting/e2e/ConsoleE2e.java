import io.fileintegrity.reporting.render.JsonParser;
import io.fileintegrity.reporting.render.JsonText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Drives headless Chromium through the File Integrity tab of a running {@code fio run}: log in, see the
 * providers and the newest result, change files, press "scan now", see the failed result, page through
 * and search the changes, re-initialise through the confirm() dialog, and scrape /metrics. Saves a
 * screenshot of every page. Arguments: console base URL, DevTools port, host tree, screenshot folder,
 * user, password, base URL of the extra metrics port (set up through deploy/*.cfg). Exits 1 with a
 * message on the first failed expectation.
 */
public final class ConsoleE2e {

    private final String base;
    private final Path host;
    private final Path shots;
    private final String auth;
    private final String metricsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Cdp cdp;
    private int shot;

    private ConsoleE2e(String[] args) {
        this.base = args[0];
        this.host = Path.of(args[2]);
        this.shots = Path.of(args[3]);
        this.metricsPort = args[6];
        this.auth = "Basic " + Base64.getEncoder().encodeToString((args[4] + ":" + args[5]).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        ConsoleE2e test = new ConsoleE2e(args);
        try {
            test.run(Integer.parseInt(args[1]));
            System.out.println("console-e2e: all steps passed; screenshots in " + test.shots);
        } catch (AssertionError | Exception e) {
            System.err.println("console-e2e: FAILED: " + e.getMessage());
            test.screenshot("failure");
            System.exit(1);
        }
    }

    private void run(int devtoolsPort) throws Exception {
        String tab = base + "/system/console/fileintegrity";
        waitFor(tab, 200, Duration.ofSeconds(120));
        cdp = Cdp.connect(pageSocket(devtoolsPort));
        cdp.call("Page.enable", "{}");
        cdp.call("Network.enable", "{}");
        cdp.call("Network.setExtraHTTPHeaders", "{\"headers\":{\"Authorization\":" + JsonText.quote(auth) + "}}");
        overview(tab);
        int changed = scanNowAfterChangingFiles(tab + "?target=local");
        pageAndSearch(changed);
        reinitialiseThroughTheDialog(tab + "?target=local");
        metrics();
        cdp.close();
    }

    private void overview(String tab) throws Exception {
        navigate(tab);
        expect(text("#providers").contains("sha256sum"), "the providers table lists sha256sum: " + text("#providers"));
        waitUntil(tab, "#targets", "SUCCEEDED", Duration.ofSeconds(60));
        screenshot("overview");
    }

    private int scanNowAfterChangingFiles(String page) throws Exception {
        navigate(page);
        expect(text("#fio-baseline").contains("Baseline"), "the target page shows the baseline section");
        screenshot("target-before");
        int changed = changeFiles(120).size();
        click("fio-scan");
        expect(text("#fio-notice").contains("A check was requested"), "the notice after 'scan now': " + text("#fio-notice"));
        waitUntil(page, "#fio-last-result", "FAILED", Duration.ofSeconds(90));
        expect(text("#fio-pager").contains("1\u201350 of " + changed), "pager of all changes: " + text("#fio-pager"));
        screenshot("target-failed");
        return changed;
    }

    private void pageAndSearch(int changed) throws Exception {
        click("fio-next");
        expect(text("#fio-pager").contains("51\u2013100 of " + changed), "second page: " + text("#fio-pager"));
        screenshot("changes-page-2");
        cdp.clearEvents();
        eval("document.querySelector('#fio-search input[name=q]').value='f1'; document.querySelector('#fio-search').submit()");
        cdp.awaitEvent("Page.loadEventFired", 30);
        Object paths = eval("Array.from(document.querySelectorAll('td.fio-path')).map(td => td.textContent).join('\\n')");
        expect(!paths.toString().isEmpty() && paths.toString().lines().allMatch(p -> p.contains("f1")),
                "search 'f1' shows only matching paths: " + paths);
        screenshot("changes-search");
    }

    private void reinitialiseThroughTheDialog(String page) throws Exception {
        navigate(page);
        cdp.clearEvents();
        cdp.send("Runtime.evaluate", "{\"expression\":\"document.getElementById('fio-reinit').click()\"}");
        Map<String, Object> dialog = cdp.awaitEvent("Page.javascriptDialogOpening", 30);
        expect(String.valueOf(dialog.get("message")).startsWith("Rebuild the baseline"), "confirm() text: " + dialog);
        cdp.call("Page.handleJavaScriptDialog", "{\"accept\":true}");
        cdp.awaitEvent("Page.loadEventFired", 30);
        expect(text("#fio-notice").contains("re-initialisation"), "the notice after re-init: " + text("#fio-notice"));
        screenshot("after-reinit");
    }

    private void metrics() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // The re-init verifies against the manifest again (sha256sum keeps no baseline): 1 or 2 failed scans.
        expect(metrics.matches("(?s).*\nfio_scans_total\\{outcome=\"failed\",provider=\"sha256sum\",target=\"local\"\\} [12]\n.*"),
                "/metrics counts the failed scan:\n" + metrics);
        waitFor(metricsPort + "/metrics", 200, Duration.ofSeconds(30));
        String extra = http.send(HttpRequest.newBuilder(URI.create(metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        expect(extra.contains("# TYPE fio_scans_total counter"), "the configured extra port serves /metrics:\n" + extra);
    }

    private void click(String id) throws Exception {
        cdp.clearEvents();
        eval("document.getElementById('" + id + "').click()");
        cdp.awaitEvent("Page.loadEventFired", 30);
    }

    private List<Path> changeFiles(int count) throws Exception {
        List<Path> files;
        try (var list = Files.list(host.resolve("etc"))) {
            files = list.sorted().limit(count).toList();
        }
        for (Path file : files) {
            Files.writeString(file, "tampered\n", java.nio.file.StandardOpenOption.APPEND);
        }
        return files;
    }

    private void navigate(String url) throws Exception {
        cdp.clearEvents();
        cdp.call("Page.navigate", "{\"url\":" + JsonText.quote(url) + "}");
        cdp.awaitEvent("Page.loadEventFired", 30);
    }

    private void waitUntil(String url, String selector, String expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!text(selector).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(selector + " never showed '" + expected + "': " + text(selector));
            }
            Thread.sleep(1000);
            navigate(url);
        }
    }

    private String text(String selector) throws Exception {
        Object value = eval("(document.querySelector(" + JsonText.quote(selector) + ") || {}).textContent || ''");
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private Object eval(String expression) throws Exception {
        Map<String, Object> result = cdp.call("Runtime.evaluate",
                "{\"expression\":" + JsonText.quote(expression) + ",\"returnByValue\":true}");
        return ((Map<String, Object>) result.get("result")).get("value");
    }

    private void screenshot(String name) {
        if (cdp == null) {
            return;
        }
        try {
            long height = Math.min(4000, ((Number) eval("document.documentElement.scrollHeight")).longValue());
            cdp.call("Emulation.setDeviceMetricsOverride",
                    "{\"width\":1280,\"height\":" + height + ",\"deviceScaleFactor\":1,\"mobile\":false}");
            Map<String, Object> png = cdp.call("Page.captureScreenshot", "{\"format\":\"png\"}");
            Files.createDirectories(shots);
            Path file = shots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(file, Base64.getDecoder().decode((String) png.get("data")));
            System.out.println("console-e2e: saved " + file);
        } catch (Exception e) {
            System.err.println("console-e2e: screenshot " + name + " failed: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private String pageSocket(int port) throws Exception {
        URI list = URI.create("http://127.0.0.1:" + port + "/json/list");
        waitFor(list.toString(), 200, Duration.ofSeconds(60));
        List<Object> targets = (List<Object>) JsonParser.parse(
                http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (Object target : targets) {
            Map<String, Object> page = (Map<String, Object>) target;
            if ("page".equals(page.get("type"))) {
                return (String) page.get("webSocketDebuggerUrl");
            }
        }
        throw new IllegalStateException("Chromium has no page target: " + targets);
    }

    private void waitFor(String url, int status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == status) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not answer " + status + " within " + limit.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
