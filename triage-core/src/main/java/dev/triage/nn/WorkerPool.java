package dev.triage.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that split a range of rows between them. Each index of the range is
 * handled by exactly one thread and every output element is computed the same way whatever the split,
 * so results do not depend on the number of threads. Tasks are preallocated objects, so running one
 * allocates nothing. Workers spin briefly for the next task, then park.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work on indices [from, to). */
    public interface RangeTask {
        void run(int from, int to);
    }

    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile RangeTask task;
    private volatile int size;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int threads) {
        this.threads = Math.max(1, threads);
        this.workers = new Thread[this.threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int part = w + 1;
            workers[w] = new Thread(() -> work(part), "triage-worker-" + part);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code t} over [0, n), split into one contiguous part per thread; returns when all parts are done. */
    public void run(RangeTask t, int n) {
        if (threads == 1 || n < 2) {
            t.run(0, n);
            return;
        }
        task = t;
        size = n;
        failure = null;
        caller = Thread.currentThread();
        pending.set(workers.length);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        runPart(t, n, 0);
        awaitWorkers();
        if (failure != null) {
            throw new IllegalStateException("a worker thread failed", failure);
        }
    }

    private void runPart(RangeTask t, int n, int part) {
        int from = (int) ((long) n * part / threads);
        int to = (int) ((long) n * (part + 1) / threads);
        if (from < to) {
            t.run(from, to);
        }
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (pending.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 10_000);
            }
        }
    }

    private void work(int part) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            while (generation == seen && !closed) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runPart(task, size, part);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
