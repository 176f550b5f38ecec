package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Reads one report file and prints the canonical report.")
public final class InspectCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("inspect: not built yet");
        return 2;
    }
}
