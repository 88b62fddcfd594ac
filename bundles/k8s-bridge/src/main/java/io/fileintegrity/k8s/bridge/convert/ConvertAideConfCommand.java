package io.fileintegrity.k8s.bridge.convert;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fio convert-aide-conf}: reads an aide.conf on standard input and writes it, converted for
 * {@code /hostroot} exactly as the operator does, to standard output. {@code --default} prints the default
 * configuration instead. Exit codes: 0 done, 1 input could not be read, 2 bad arguments.
 */
@Component(service = Subcommand.class)
@SubcommandName("convert-aide-conf")
public class ConvertAideConfCommand implements Subcommand {

    static final String USAGE = "usage: fio convert-aide-conf [--default] < aide.conf > converted.conf";

    @Override
    public String summary() {
        return "convert an aide.conf for /hostroot as the operator does (stdin to stdout)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        if (invocation.args().equals(List.of("--help"))) {
            invocation.out().println(USAGE);
            return 0;
        }
        if (invocation.args().equals(List.of("--default"))) {
            invocation.out().print(DefaultAideConf.text());
            invocation.out().flush();
            return 0;
        }
        if (!invocation.args().isEmpty()) {
            invocation.err().println("convert-aide-conf: unexpected argument " + invocation.args().get(0));
            invocation.err().println(USAGE);
            return 2;
        }
        try {
            String text = new String(invocation.in().readAllBytes(), StandardCharsets.UTF_8);
            invocation.out().print(AideConfConverter.convert(text));
            invocation.out().flush();
            return 0;
        } catch (IOException e) {
            invocation.err().println("convert-aide-conf: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }
}
