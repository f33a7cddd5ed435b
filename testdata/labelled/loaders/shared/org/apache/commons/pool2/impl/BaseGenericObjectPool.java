// commons-pool2 2.11.1, src/main/java/org/apache/commons/pool2/impl/BaseGenericObjectPool.java
// (Apache-2.0), trimmed. The Evictor EvictionTimer.java schedules: it runs
// the eviction under the pool factory's loader and restores the thread's.
package org.apache.commons.pool2.impl;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledFuture;

public abstract class BaseGenericObjectPool<T> {

    private final WeakReference<ClassLoader> factoryClassLoader;

    public BaseGenericObjectPool() {
        final ClassLoader cl = Thread.currentThread().getContextClassLoader();
        factoryClassLoader = cl == null ? null : new WeakReference<>(cl);
    }

    public abstract void evict() throws Exception;

    abstract void ensureMinIdle() throws Exception;

    class Evictor implements Runnable {

        private ScheduledFuture<?> scheduledFuture;

        void setScheduledFuture(final ScheduledFuture<?> scheduledFuture) {
            this.scheduledFuture = scheduledFuture;
        }

        @Override
        public void run() {
            final ClassLoader savedClassLoader =
                    Thread.currentThread().getContextClassLoader();
            try {
                if (factoryClassLoader != null) {
                    final ClassLoader cl = factoryClassLoader.get();
                    if (cl == null) {
                        scheduledFuture.cancel(false);
                        return;
                    }
                    Thread.currentThread().setContextClassLoader(cl);
                }
                try {
                    evict();
                } catch (final Exception e) {
                    // swallowed
                }
                try {
                    ensureMinIdle();
                } catch (final Exception e) {
                    // swallowed
                }
            } finally {
                Thread.currentThread().setContextClassLoader(savedClassLoader);
            }
        }
    }
}
