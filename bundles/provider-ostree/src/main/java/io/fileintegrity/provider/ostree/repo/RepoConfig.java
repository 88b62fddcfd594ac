package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The {@code [core]} part of a repository's {@code config} key file that this provider needs. */
record RepoConfig(RepoMode mode) {

    static RepoConfig read(Path root) throws RepositoryException {
        Path file = root.resolve("config");
        String text;
        try {
            text = OstreeRepository.readSmallText(file);
        } catch (NoSuchFileException e) {
            throw new RepositoryException("not an OSTree repository: " + file + " does not exist");
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String section = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).trim();
            } else if (section.equals("core") && line.startsWith("mode") && line.contains("=")
                    && line.substring(0, line.indexOf('=')).trim().equals("mode")) {
                String value = line.substring(line.indexOf('=') + 1).trim();
                int lineNumber = i + 1;
                return new RepoConfig(RepoMode.fromConfig(value).orElseThrow(() -> new RepositoryException(
                        file + ":" + lineNumber + ": unsupported repository mode '" + value
                                + "' (supported: bare, bare-user, bare-user-only, archive, archive-z2)")));
            }
        }
        return new RepoConfig(RepoMode.BARE);
    }
}
