package io.fileintegrity.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fio run}: standalone mode. Creates one monitored-target configuration for this machine (the
 * engine's scan loop picks it up), prints where the console is, and blocks until the runtime stops.
 */
@Component(service = Subcommand.class)
@SubcommandName("run")
public class RunCommand implements Subcommand {

    static final String TARGET_FACTORY_PID = "io.fileintegrity.engine.target";

    private final ConfigurationAdmin configAdmin;
    private final Path home;
    private final String consoleUrl;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Activate
    public RunCommand(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        this.home = Path.of(String.valueOf(context.getProperty("fio.home")));
        String host = context.getProperty("org.apache.felix.http.host");
        String port = context.getProperty("org.osgi.service.http.port");
        this.consoleUrl = "http://" + (host == null ? "127.0.0.1" : host) + ":" + (port == null ? "8080" : port)
                + "/system/console/fileintegrity";
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public String summary() {
        return "standalone mode: watch this machine, web console on 127.0.0.1";
    }

    @Override
    public int run(CommandInvocation inv) {
        if (inv.args().contains("--help") || inv.args().contains("-h")) {
            inv.out().println(RunOptions.USAGE);
            return 0;
        }
        RunOptions options;
        try {
            options = RunOptions.parse(inv.args(), home, inv.workingDirectory());
        } catch (IllegalArgumentException e) {
            inv.err().println("fio run: " + e.getMessage() + "; see 'fio run --help'");
            return 64;
        }
        try {
            Files.createDirectories(options.state());
            Path configFile = configFile(options);
            Configuration target = configAdmin.createFactoryConfiguration(TARGET_FACTORY_PID, "?");
            target.update(targetProperties(options, configFile));
            inv.err().println("fio: watching " + options.hostRoot() + " with provider '" + options.provider()
                    + "', state in " + options.state() + ", every " + options.intervalSeconds() + " s"
                    + (options.maxCpuPercent() > 0 ? ", at most " + options.maxCpuPercent() + " % of one core" : ""));
            inv.err().println("fio: console at " + consoleUrl);
            stopped.await();
            return 0;
        } catch (MissingConfigException e) {
            inv.err().println("fio run: configuration file not found: " + e.getMessage());
            return 66;
        } catch (IOException e) {
            inv.err().println("fio run: " + e.getMessage());
            return 74;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Path configFile(RunOptions options) throws IOException {
        if (options.config() != null) {
            if (!Files.isRegularFile(options.config())) {
                throw new MissingConfigException(options.config().toString());
            }
            return options.config();
        }
        Path file = options.state().resolve("standalone-" + options.provider() + ".conf");
        String text = options.provider().equals("aide") ? builtInAidePolicy(options.state()) : "";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static String builtInAidePolicy(Path state) throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream("standalone-aide.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@@{STATE}", state.toString());
        }
    }

    static Dictionary<String, Object> targetProperties(RunOptions o, Path configFile) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("id", "local");
        p.put("displayName", "this machine (" + hostName() + ")");
        p.put("provider", o.provider());
        p.put("hostRoot", o.hostRoot().toString());
        p.put("configFile", configFile.toString());
        p.put("configSource", configFile.toString());
        p.put("stateDirectory", o.state().toString());
        p.put("intervalSeconds", o.intervalSeconds());
        p.put("maxCpuPercent", o.maxCpuPercent());
        p.put("parameters", o.parameters().toArray(new String[0]));
        return p;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A configuration file named on the command line does not exist. */
    static final class MissingConfigException extends IOException {
        private static final long serialVersionUID = 1L;

        MissingConfigException(String path) {
            super(path);
        }
    }
}
