package io.fileintegrity.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/** pax-exam options that provision the built distribution's bundle folders, fragments not started. */
public final class DistributionBundles {

    private DistributionBundles() {}

    public static Path home() {
        Path home = Path.of(System.getProperty("fio.dist", "../distribution/target/fio")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new IllegalStateException("the distribution is not built: " + home);
        }
        return home;
    }

    public static Option[] folders(String... names) {
        List<Option> options = new ArrayList<>();
        for (String name : names) {
            try (Stream<Path> jars = Files.list(home().resolve("bundle").resolve(name))) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jar -> options.add(provision(jar)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return options.toArray(new Option[0]);
    }

    /** The example provider jar, built in the reactor but not part of bundle/. */
    public static File exampleProvider() {
        try (Stream<Path> jars = Files.list(home().resolve("examples"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith("provider-sha256sum")).findFirst()
                    .orElseThrow().toFile();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Option provision(Path jar) {
        // fragments (e.g. framework extensions) cannot be started
        return isFragment(jar) ? bundle(jar.toUri().toString()).noStart() : bundle(jar.toUri().toString());
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
    }
}
