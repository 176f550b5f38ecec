package io.disclosurelake.lake;

import java.util.List;

/** Column names for Spark's {@code join(other, usingColumns, type)} from Java. */
public final class JoinKeys {
    private JoinKeys() {}

    public static scala.collection.immutable.Seq<String> of(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
