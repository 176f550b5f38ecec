package io.disclosurelake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code bin/disclosure-lake <command>} locally and {@code spark-submit --class
 * io.disclosurelake.cli.DisclosureLake app.jar run …} on a cluster. Each command lives in its own class.
 */
@Command(name = "disclosure-lake", mixinStandardHelpOptions = true, version = "disclosure-lake 0.1.0",
        description = "Extracts government information-disclosure annual reports into Delta Lake, checks and ranks them.",
        subcommands = {InspectCommand.class, GenerateCommand.class, RunCommand.class, RankCommand.class, ReviewCommand.class, CorrectCommand.class,
                SqlCommand.class, DoctorCommand.class, BenchCommand.class, BenchExtractCommand.class, CommandLine.HelpCommand.class})
public final class DisclosureLake implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static CommandLine commandLine() {
        return new CommandLine(new DisclosureLake()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        configureLogging(args, verbose);
        CommandLine cl = commandLine();
        // A failure is one line (the cause that says something) and exit 1; the stack trace only with --verbose.
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            // A damaged table: its name, what is wrong and the advice, exit 3 (docs/job.md "A damaged lake").
            var damage = io.disclosurelake.lake.LakeDamage.of(ex);
            cmd.getErr().println(cmd.getCommandName() + ": " + damage.map(io.disclosurelake.lake.LakeDamage.Damage::line).orElseGet(() -> Failures.oneLine(ex)));
            if (verbose) ex.printStackTrace(cmd.getErr());
            else if (damage.isEmpty()) cmd.getErr().println(cmd.getCommandName() + ": (--verbose shows the stack trace)");
            return damage.isPresent() ? io.disclosurelake.lake.LakeDamage.EXIT : 1;
        });
        int code = cl.execute(args);
        System.exit(code);
    }

    /**
     * Spark's own logging at WARN for every command but sql (its own, errors only): conf/log4j2.properties of
     * the installation, else the same file from the jar; INFO with --verbose. Set before anything logs.
     */
    static void configureLogging(String[] args, boolean verbose) {
        if (verbose && System.getProperty("disclosurelake.logLevel") == null) System.setProperty("disclosurelake.logLevel", "INFO");
        if (System.getProperty("log4j2.configurationFile") != null || (args.length > 0 && args[0].equals("sql"))) return;
        java.nio.file.Path dir = io.disclosurelake.lake.LakeSession.confDir();
        java.nio.file.Path file = dir == null ? null : dir.resolve("log4j2.properties");
        System.setProperty("log4j2.configurationFile", file != null && java.nio.file.Files.isRegularFile(file)
                ? file.toAbsolutePath().toString() : "io/disclosurelake/cli/log4j2-cli.properties");
    }
}
