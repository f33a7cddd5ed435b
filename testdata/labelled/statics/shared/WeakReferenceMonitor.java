// libspring-java 4.3.30, spring-core/src/main/java/org/springframework/util/WeakReferenceMonitor.java
// (Apache License 2.0), trimmed. Safe look-alike: each entry is keyed by a weak reference the class
// makes for one caller's handle, put when the caller starts monitoring and removed when that handle is
// released; no caller can name or reach another caller's entry.
package org.springframework.util;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

public class WeakReferenceMonitor {

    public interface ReleaseListener {
        void released();
    }

    private static final ReferenceQueue<Object> handleQueue = new ReferenceQueue<Object>();

    private static final Map<Reference<?>, ReleaseListener> trackedEntries = new HashMap<Reference<?>, ReleaseListener>();

    public static void monitor(Object handle, ReleaseListener listener) {
        WeakReference<Object> weakRef = new WeakReference<Object>(handle, handleQueue);
        addEntry(weakRef, listener);
    }

    private static void addEntry(Reference<?> ref, ReleaseListener entry) {
        synchronized (WeakReferenceMonitor.class) {
            trackedEntries.put(ref, entry);
        }
    }

    private static ReleaseListener removeEntry(Reference<?> reference) {
        synchronized (WeakReferenceMonitor.class) {
            return trackedEntries.remove(reference);
        }
    }

    static void released(Reference<?> reference) {
        ReleaseListener entry = removeEntry(reference);
        if (entry != null) {
            entry.released();
        }
    }
}
