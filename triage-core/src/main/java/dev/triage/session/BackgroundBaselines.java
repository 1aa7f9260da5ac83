package dev.triage.session;

import dev.triage.data.PreparedData;
import dev.triage.probe.BaselineRunner;
import dev.triage.probe.log.Baselines;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fits the baselines (and runs their permutation test) on a thread of their own while the data is
 * profiled: on two cores the doctor's two largest fixed costs overlap. The result does not depend on
 * the thread: the baselines are a function of the data and the seed, and they are recorded before any
 * rule runs (rules such as the target-leak check read them when present, so a rule must never see the
 * run without them when it will have them later).
 */
final class BackgroundBaselines {
    private BackgroundBaselines() {
    }

    /** Starts fitting the baselines of {@code data} with {@code seed}; already fitted ones ({@code cached}) are used as they are. */
    static CompletableFuture<Baselines> start(PreparedData data, long seed, Baselines cached) {
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return CompletableFuture.supplyAsync(() -> BaselineRunner.run(data, seed), task -> {
            Thread t = new Thread(task, "triage-baselines");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The baselines once fitted; a failure is thrown as it was thrown on their thread. */
    static Baselines join(CompletableFuture<Baselines> baselines) {
        try {
            return baselines.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
