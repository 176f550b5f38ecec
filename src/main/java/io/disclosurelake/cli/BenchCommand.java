package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks the whole job on a generated corpus.")
public final class BenchCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("bench: not built yet");
        return 2;
    }
}
