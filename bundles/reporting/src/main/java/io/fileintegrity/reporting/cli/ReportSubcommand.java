package io.fileintegrity.reporting.cli;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.api.report.ReportService;
import io.fileintegrity.reporting.configmap.FailureConfigMap;
import io.fileintegrity.reporting.configmap.ManifestSyntaxException;
import io.fileintegrity.reporting.render.JsonSyntaxException;
import io.fileintegrity.reporting.render.ScanResultJsonReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fio report}: renders a stored result (the JSON document of {@code --format json}) in another
 * format, or decodes the log of a failure ConfigMap as {@code kubectl get cm -o yaml|json} printed it.
 */
@Component(service = Subcommand.class)
@SubcommandName("report")
public final class ReportSubcommand implements Subcommand {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: bad command line. */
    public static final int USAGE = 2;
    /** Exit code: the input file cannot be read (missing, permission, not UTF-8). */
    public static final int UNREADABLE = 3;
    /** Exit code: the input is malformed (JSON, YAML, base64 or gzip). */
    public static final int MALFORMED = 4;

    static final String USAGE_TEXT = String.join("\n",
            "Usage: fio report [--format aide|json|ndjson] RESULT.json",
            "       fio report --configmap CONFIGMAP.yaml|CONFIGMAP.json",
            "",
            "Renders a stored scan result (the JSON written by --format json; see schema/scan-result.schema.json)",
            "in AIDE's report format (default), as JSON, or as NDJSON (one line per change plus a summary line).",
            "--configmap prints the log of a failure ConfigMap saved with `kubectl get cm NAME -o yaml` (or -o json),",
            "gunzipping it when the file-integrity.openshift.io/compressed annotation is present.",
            "Use - to read standard input.",
            "",
            "Exit codes: 0 done, 2 bad usage, 3 input unreadable, 4 input malformed.", "");

    private ReportService reports;

    public ReportSubcommand() {
    }

    /** For tests: a command using {@code reports}. */
    ReportSubcommand(ReportService reports) {
        this.reports = reports;
    }

    @Reference
    void setReports(ReportService service) {
        this.reports = service;
    }

    @Override
    public String summary() {
        return "render a stored scan result (aide, json, ndjson) or decode a failure ConfigMap's log";
    }

    @Override
    public int run(CommandInvocation invocation) {
        ReportArguments arguments;
        try {
            arguments = ReportArguments.parse(invocation.args());
        } catch (IllegalArgumentException e) {
            invocation.err().println("fio report: " + e.getMessage());
            invocation.err().print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help()) {
            invocation.out().print(USAGE_TEXT);
            return OK;
        }
        String text;
        try {
            text = read(invocation, arguments.file());
        } catch (IOException e) {
            invocation.err().println("fio report: " + arguments.file() + ": " + describe(e));
            return UNREADABLE;
        }
        try {
            write(invocation, arguments, text);
            return OK;
        } catch (JsonSyntaxException | ManifestSyntaxException e) {
            invocation.err().println("fio report: " + arguments.file() + ": " + e.getMessage());
            return MALFORMED;
        } catch (IOException e) {
            invocation.err().println("fio report: " + arguments.file() + ": " + e.getMessage());
            return MALFORMED;
        }
    }

    private void write(CommandInvocation invocation, ReportArguments arguments, String text)
            throws IOException, JsonSyntaxException, ManifestSyntaxException {
        Writer out = new OutputStreamWriter(invocation.out(), StandardCharsets.UTF_8);
        if (arguments.configMap()) {
            FailureConfigMap map = FailureConfigMap.parse(text);
            out.write(reports.decodeConfigMapLog(map.log()));
        } else {
            ScanResult result = new ScanResultJsonReader().read(text);
            reports.render(result, arguments.format(), out);
        }
        out.flush();
    }

    private static String read(CommandInvocation invocation, String file) throws IOException {
        byte[] bytes = file.equals("-") ? invocation.in().readAllBytes() : Files.readAllBytes(invocation.resolve(file));
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new IOException("not UTF-8 text (invalid byte sequence)", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /** The parsed command line. */
    record ReportArguments(boolean help, boolean configMap, ReportFormat format, String file) {

        static ReportArguments parse(List<String> args) {
            if (args.contains("--help") || args.contains("-h")) {
                return new ReportArguments(true, false, ReportFormat.AIDE, "");
            }
            ReportFormat format = ReportFormat.AIDE;
            boolean configMap = false;
            String file = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--configmap")) {
                    configMap = true;
                } else if (arg.equals("--format")) {
                    format = format(i + 1 < args.size() ? args.get(++i) : null);
                } else if (arg.startsWith("--format=")) {
                    format = format(arg.substring("--format=".length()));
                } else if (arg.startsWith("-") && !arg.equals("-")) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                } else if (file != null) {
                    throw new IllegalArgumentException("only one input file is allowed");
                } else {
                    file = arg;
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("an input file is required");
            }
            return new ReportArguments(false, configMap, format, file);
        }

        private static ReportFormat format(String value) {
            if (value == null) {
                throw new IllegalArgumentException("--format needs a value: aide, json or ndjson");
            }
            try {
                return ReportFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + value + "'; expected aide, json or ndjson");
            }
        }
    }
}
