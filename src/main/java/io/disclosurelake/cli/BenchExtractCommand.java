package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "bench-extract", mixinStandardHelpOptions = true, description = "Benchmarks the extractor per format.")
public final class BenchExtractCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("bench-extract: not built yet");
        return 2;
    }
}
