package io.disclosurelake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code bin/disclosure-lake <command>} locally and {@code spark-submit --class
 * io.disclosurelake.cli.DisclosureLake app.jar run …} on a cluster. Each command lives in its own class.
 */
@Command(name = "disclosure-lake", mixinStandardHelpOptions = true, version = "disclosure-lake 0.1.0",
        description = "Extracts government information-disclosure annual reports into Delta Lake, checks and ranks them.",
        subcommands = {InspectCommand.class, GenerateCommand.class, RunCommand.class, RankCommand.class,
                SqlCommand.class, BenchCommand.class, BenchExtractCommand.class, CommandLine.HelpCommand.class})
public final class DisclosureLake implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static CommandLine commandLine() {
        return new CommandLine(new DisclosureLake()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
