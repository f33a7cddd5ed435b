package fixtures;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

// commons-pool2's EvictionTimer: a Reaper that only tidies a map runs
// with any context loader alike; the evictor that calls the app's factory
// does not.
public class InertTasks {
    private static ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

    private static class Reaper implements Runnable {
        @Override
        public void run() {
            synchronized (InertTasks.class) {
                if (executor != null && new java.lang.ref.WeakReference<Object>(executor).get() != null) {
                    executor.purge();
                }
            }
        }
    }

    private static class Evictor implements Runnable {
        private final Runnable task;

        Evictor(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            task.run();
        }
    }

    static void stop() {
        executor.shutdown();
    }

    static void schedule(Runnable evictor) {
        executor.scheduleAtFixedRate(new Reaper(), 1, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(new Evictor(evictor), 1, 1, TimeUnit.SECONDS); // want "tccl-not-propagated" bytecode:-
    }
}
