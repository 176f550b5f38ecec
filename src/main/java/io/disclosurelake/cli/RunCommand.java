package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "The nightly job: files to Delta tables.")
public final class RunCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("run: not built yet");
        return 2;
    }
}
