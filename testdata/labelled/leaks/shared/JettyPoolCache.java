// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/Pool.java (Apache License 2.0 / EPL 2.0),
// trimmed. A hazard: the per-thread cache keeps the last released Entry, an inner class of the pool
// that holds the pooled value (a connection an app made) and the pool itself; a pooled thread keeps it
// after the app that released it is gone. A class of the library is only harmless when its fields hold
// JDK values alone.
package org.eclipse.jetty.util;

public class Pool<T> {
    private final ThreadLocal<Entry> cache;
    private boolean closed;

    public Pool(boolean cache) {
        this.cache = cache ? new ThreadLocal<>() : null;
    }

    public boolean release(Entry entry) {
        if (closed)
            return false;

        boolean released = entry.tryRelease();
        if (released && cache != null)
            cache.set(entry); // want "threadlocal-leak"
        return released;
    }

    public abstract class Entry {
        private T pooled;

        abstract boolean tryRelease();
    }
}
