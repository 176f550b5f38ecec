package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generates a realistic corpus with ground truth.")
public final class GenerateCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("generate: not built yet");
        return 2;
    }
}
