package io.disclosurelake.lake;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A lake as the commands take it: a local directory, or a URI that Hadoop opens ({@code file:}, {@code hdfs:},
 * {@code s3a:}, {@code abfss:}, {@code gs:}). The job prints its lake as a URI ({@code file:/srv/lake}); every
 * command that takes {@code --lake} accepts that form too.
 *
 * @param uri   what Spark and Hadoop are given: an absolute local path, or the URI as written
 * @param local the directory when the lake is on this machine (to check it exists before starting Spark)
 */
public record LakeLocation(String uri, Optional<Path> local) {
    /** Parses a path or URI; throws IllegalArgumentException for a {@code file:} URI that is not absolute. */
    public static LakeLocation parse(String text) {
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) { // a scheme (two letters at least: not a drive letter)
            URI u = URI.create(text);
            if (!"file".equalsIgnoreCase(u.getScheme())) return new LakeLocation(text, Optional.empty());
            Path p = Path.of(u).normalize();
            return new LakeLocation(p.toString(), Optional.of(p));
        }
        Path p = Path.of(text).toAbsolutePath().normalize();
        return new LakeLocation(p.toString(), Optional.of(p));
    }
}
