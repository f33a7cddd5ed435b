// apache-log4j2 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/selector/ClassLoaderContextSelector.java
// (Apache License 2.0), trimmed. Safe look-alike: a static map of logger contexts filled with a context
// built from the caller's configuration, but every entry is keyed by a name derived from the caller's
// class loader (toContextMapKey(loader)): the map is already kept per app, the Koupleless fix itself.
package org.apache.logging.log4j.core.selector;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

public class ClassLoaderContextSelector {
    protected static final ConcurrentMap<String, AtomicReference<WeakReference<Object>>> CONTEXT_MAP =
            new ConcurrentHashMap<>();

    private Object locateContext(final ClassLoader loaderOrNull, final URI configLocation) {
        final ClassLoader loader = loaderOrNull != null ? loaderOrNull : ClassLoader.getSystemClassLoader();
        final String name = toContextMapKey(loader);
        AtomicReference<WeakReference<Object>> ref = CONTEXT_MAP.get(name);
        if (ref == null) {
            Object ctx = createContext(name, configLocation);
            return CONTEXT_MAP.computeIfAbsent(name,
                    k -> new AtomicReference<>(new WeakReference<>(ctx))).get().get();
        }
        return ref.get().get();
    }

    public void removeContext(final Object context) {
        CONTEXT_MAP.values().removeIf(r -> r.get().get() == context);
    }

    protected Object createContext(final String name, final URI configLocation) {
        return new Object[] {name, configLocation};
    }

    protected String toContextMapKey(final ClassLoader loader) {
        return Integer.toHexString(System.identityHashCode(loader));
    }
}
