package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true, description = "Runs Spark SQL over the lake's tables.")
public final class SqlCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("sql: not built yet");
        return 2;
    }
}
