// h2database 2.2.219, src/main/org/h2/util/CloseWatcher.java (EPL 1.0 / MPL 2.0), trimmed. Safe
// look-alike: a static set that only keeps the library's own phantom references alive; what is added
// is made by the library, and taking a reference back out (remove(cw)) decides nothing another app sees.
package org.h2.util;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

public class CloseWatcher extends PhantomReference<Object> {
    private static final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private static final Set<CloseWatcher> refs = Collections.synchronizedSet(new HashSet<>());

    private final AutoCloseable closeable;

    public CloseWatcher(Object referent, ReferenceQueue<Object> q, AutoCloseable closeable) {
        super(referent, q);
        this.closeable = closeable;
    }

    public static CloseWatcher register(Object o, AutoCloseable closeable) {
        CloseWatcher cw = new CloseWatcher(o, queue, closeable);
        refs.add(cw);
        return cw;
    }

    public static void unregister(CloseWatcher w) {
        refs.remove(w);
    }
}
