package io.disclosurelake.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "rank", mixinStandardHelpOptions = true, description = "Ranks bodies and exports the rankings.")
public final class RankCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("rank: not built yet");
        return 2;
    }
}
