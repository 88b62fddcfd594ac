package io.fileintegrity.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Calls {@code io.fileintegrity.api.cli.Subcommand} services inside the framework. The launcher lives on
 * the class path, outside the framework, so it reaches the API types through the service's own class
 * loader (reflection on JDK-typed signatures) instead of sharing classes with the bundles.
 */
final class SubcommandInvoker {

    static final String SUBCOMMAND = "io.fileintegrity.api.cli.Subcommand";
    static final String INVOCATION = "io.fileintegrity.api.cli.CommandInvocation";
    static final String NAME_PROPERTY = "fio.subcommand.name";

    private final BundleContext context;

    SubcommandInvoker(BundleContext context) {
        this.context = context;
    }

    /** Waits up to {@code timeoutMillis} for the named subcommand's service. */
    Object await(String name, long timeoutMillis) throws InterruptedException {
        String filter = "(&(objectClass=" + SUBCOMMAND + ")(" + NAME_PROPERTY + "=" + name + "))";
        try {
            ServiceTracker<Object, Object> tracker =
                    new ServiceTracker<>(context, context.createFilter(filter), null);
            tracker.open(true);
            return tracker.waitForService(timeoutMillis);
        } catch (InvalidSyntaxException e) {
            return null; // a name with filter syntax in it is no subcommand
        }
    }

    /** Every registered subcommand by name, with its one-line summary. */
    Map<String, String> summaries() throws ReflectiveOperationException {
        Map<String, String> result = new TreeMap<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(SUBCOMMAND, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            Class<?> type = service.getClass().getClassLoader().loadClass(SUBCOMMAND);
            result.put(String.valueOf(ref.getProperty(NAME_PROPERTY)), (String) type.getMethod("summary").invoke(service));
        }
        return result;
    }

    /** Runs the subcommand with the JVM's standard streams and returns its exit code. */
    int run(Object service, List<String> args, Path workingDirectory, boolean terminal)
            throws ReflectiveOperationException {
        ClassLoader loader = service.getClass().getClassLoader();
        Class<?> invocationType = loader.loadClass(INVOCATION);
        Object invocation = invocationType
                .getConstructor(List.class, InputStream.class, PrintStream.class, PrintStream.class, Path.class,
                        boolean.class, Map.class)
                .newInstance(args, System.in, System.out, System.err, workingDirectory, terminal, System.getenv());
        Method run = loader.loadClass(SUBCOMMAND).getMethod("run", invocationType);
        try {
            return (Integer) run.invoke(service, invocation);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("fio: internal error in '" + args + "': " + cause);
            cause.printStackTrace();
            return ExitCodes.INTERNAL_ERROR;
        }
    }
}
