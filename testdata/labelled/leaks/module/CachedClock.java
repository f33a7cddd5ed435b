// apache-log4j2 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/util/CachedClock.java
// (Apache License 2.0), trimmed. Hazard behind a helper: the lazily created singleton's constructor
// starts a looping daemon thread that nothing ever stops; bundled in a module, the thread outlives
// the module's uninstall and pins its ClassLoader.
package org.apache.logging.log4j.core.util;

import java.util.concurrent.locks.LockSupport;

public final class CachedClock {
    private static volatile CachedClock instance;
    private static final Object INSTANCE_LOCK = new Object();
    private volatile long millis = System.currentTimeMillis();

    private CachedClock() {
        final Thread updater = new Thread(new Runnable() {
            @Override
            public void run() {
                while (true) {
                    millis = System.currentTimeMillis();
                    LockSupport.parkNanos(1000 * 1000);
                }
            }
        }, "CachedClock Updater Thread");
        updater.setDaemon(true);
        updater.start(); // want "thread-leak"
    }

    public static CachedClock instance() {
        CachedClock result = instance;
        if (result == null) {
            synchronized (INSTANCE_LOCK) {
                result = instance;
                if (result == null) {
                    instance = result = new CachedClock();
                }
            }
        }
        return result;
    }
}
