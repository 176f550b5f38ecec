package io.disclosurelake.lake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a thread pool (a few Delta reads or writes at once, which mostly wait). */
public final class Futures {
    private Futures() {}

    /**
     * The task's result; its failure as it was thrown (a checked one wrapped in IllegalStateException), not as
     * the pool's ExecutionException, so the caller's one-line error names the real cause.
     */
    public static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
