// commons-pool2 2.11.1, src/main/java/org/apache/commons/pool2/impl/EvictionTimer.java
// (Apache-2.0), trimmed. Safe look-alike for tccl-not-propagated: the
// static executor runs a weak wrapper of the pool's Evictor, whose run()
// (BaseGenericObjectPool.java) sets the pool factory's loader and sets the
// previous one back in finally.
package org.apache.commons.pool2.impl;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

class EvictionTimer {

    private static class WeakRunner implements Runnable {

        private final WeakReference<Runnable> ref;

        private WeakRunner(final WeakReference<Runnable> ref) {
           this.ref = ref;
        }

        @Override
        public void run() {
            final Runnable task = ref.get();
            if (task != null) {
                task.run();
            } else {
                executor.remove(this);
                taskMap.remove(ref);
            }
        }
    }

    private static ScheduledThreadPoolExecutor executor;

    private static final HashMap<WeakReference<Runnable>, WeakRunner> taskMap = new HashMap<>();

    static synchronized void cancel(final BaseGenericObjectPool<?>.Evictor evictor, final Duration timeout) {
        if (executor != null && taskMap.isEmpty()) {
            executor.shutdown();
            executor = null;
        }
    }

    static synchronized void schedule(
            final BaseGenericObjectPool<?>.Evictor task, final Duration delay, final Duration period) {
        if (null == executor) {
            executor = new ScheduledThreadPoolExecutor(1);
            executor.setRemoveOnCancelPolicy(true);
        }
        final WeakReference<Runnable> ref = new WeakReference<>(task);
        final WeakRunner runner = new WeakRunner(ref);
        final ScheduledFuture<?> scheduledFuture = executor.scheduleWithFixedDelay(runner, delay.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
        task.setScheduledFuture(scheduledFuture);
        taskMap.put(ref, runner);
    }
}
