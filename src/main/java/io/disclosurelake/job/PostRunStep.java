package io.disclosurelake.job;

/**
 * A step run at the end of {@code run}, after every table of the job is committed: the place for rankings
 * and exports (next work package). Steps are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.disclosurelake.job.PostRunStep}. A failing step fails the run (status failed),
 * but the job's tables are already consistent.
 */
public interface PostRunStep {
    /** Short name, used as the stage name in {@code runs.stage_seconds}. */
    String name();

    /** Runs the step; may add lines to the run's summary. */
    void run(RunContext context) throws Exception;

    /** The registered steps, in the order of their service files (what {@code run} runs). */
    static java.util.List<PostRunStep> registered() {
        java.util.List<PostRunStep> steps = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(PostRunStep.class).forEach(steps::add);
        return steps;
    }
}
