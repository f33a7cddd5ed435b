package com.acme.pool;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

// commons-pool2's EvictionTimer: one static executor for every pool; the
// task wraps a weak reference to the pool's evictor.
final class EvictionTimer {
    private static ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

    private static class WeakRunner implements Runnable {
        private final WeakReference<Runnable> ref;

        WeakRunner(WeakReference<Runnable> ref) {
            this.ref = ref;
        }

        @Override
        public void run() {
            Runnable task = ref.get();
            if (task != null) {
                task.run();
            }
        }
    }

    static synchronized void schedule(Pool.Evictor task) {
        final WeakReference<Runnable> ref = new WeakReference<>(task);
        final WeakRunner runner = new WeakRunner(ref);
        executor.scheduleWithFixedDelay(runner, 1, 1, TimeUnit.SECONDS);
    }

    static synchronized void sweep(Pool.Sweeper task) {
        executor.scheduleWithFixedDelay(new WeakRunner(new WeakReference<>(task)), 1, 1, TimeUnit.SECONDS); // want "tccl-not-propagated"
    }

    static void check(String host) {
        executor.execute(new Checker(host));
        executor.execute(new Reloader()); // want "tccl-not-propagated"
    }

    static void stop() {
        executor.shutdown();
    }
}
