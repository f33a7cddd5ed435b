// apache-log4j2 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/appender/AbstractManager.java
// (Apache License 2.0), trimmed. Hazard behind a helper: the static registry of managers is filled by
// name with what the caller's factory makes from the caller's data; the first app to ask for a name
// decides the manager (its file, its configuration) that every later app gets.
package org.apache.logging.log4j.core.appender;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public abstract class AbstractManager {
    private static final Map<String, AbstractManager> MAP = new HashMap<>(); // want "static-mutable-state"
    private static final Lock LOCK = new ReentrantLock();

    protected int count;
    private final String name;

    protected AbstractManager(final String name) {
        this.name = name;
    }

    public interface ManagerFactory<M, T> {
        M createManager(String name, T data);
    }

    public static <M extends AbstractManager, T> M getManager(final String name, final ManagerFactory<M, T> factory,
                                                              final T data) {
        LOCK.lock();
        try {
            @SuppressWarnings("unchecked")
            M manager = (M) MAP.get(name);
            if (manager == null) {
                manager = Objects.requireNonNull(factory, "factory").createManager(name, data);
                MAP.put(name, manager);
            }
            manager.count++;
            return manager;
        } finally {
            LOCK.unlock();
        }
    }

    public boolean stop() {
        LOCK.lock();
        try {
            if (--count <= 0) {
                MAP.remove(name);
            }
            return true;
        } finally {
            LOCK.unlock();
        }
    }
}
