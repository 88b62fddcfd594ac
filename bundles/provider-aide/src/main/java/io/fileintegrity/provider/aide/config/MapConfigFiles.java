package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Include files served from memory, keyed by absolute path (e.g. the keys of a ConfigMap mounted at a
 * directory). A directory exists if some key lies below it. Nothing is executable.
 */
public final class MapConfigFiles implements ConfigFiles {

    private final TreeMap<String, String> files;

    public MapConfigFiles(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    /** No include files at all: every {@code @@include} is reported as missing. */
    public static MapConfigFiles empty() {
        return new MapConfigFiles(Map.of());
    }

    @Override
    public Kind kind(String path) {
        if (files.containsKey(path)) {
            return Kind.REGULAR;
        }
        String dir = path.endsWith("/") ? path : path + "/";
        String after = files.ceilingKey(dir);
        return after != null && after.startsWith(dir) ? Kind.DIRECTORY : Kind.MISSING;
    }

    @Override
    public String read(String path) throws IOException {
        String text = files.get(path);
        if (text == null) {
            throw new NoSuchFileException(path);
        }
        return text;
    }

    @Override
    public List<String> list(String directory) throws IOException {
        if (kind(directory) != Kind.DIRECTORY) {
            throw new NoSuchFileException(directory);
        }
        String dir = directory.endsWith("/") ? directory : directory + "/";
        return files.tailMap(dir).keySet().stream()
                .takeWhile(k -> k.startsWith(dir))
                .map(k -> k.substring(dir.length()))
                .map(rest -> rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest)
                .distinct()
                .sorted(FileSystemConfigFiles.BYTE_ORDER)
                .toList();
    }

    @Override
    public boolean isExecutable(String path) {
        return false;
    }

    @Override
    public String executionRefusal(String path) {
        return "in-memory configuration files cannot be executed";
    }

    @Override
    public ExecResult execute(String path, Map<String, String> environment) throws IOException {
        throw new IOException("in-memory configuration files cannot be executed: " + path);
    }
}
