// Netty 4.1.48, common/src/main/java/io/netty/util/ThreadDeathWatcher.java (Apache 2.0). Safe: a queue of pending
// watch requests the class's own watcher thread empties on every run (a loop of poll()); the entries pass
// through to the watcher, and no app finds another's value in the queue later.
package io.netty.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

public final class ThreadDeathWatcher {
    private static final Queue<Entry> pendingEntries = new ConcurrentLinkedQueue<Entry>();

    public static void watch(Thread thread, Runnable task) {
        schedule(thread, task, true);
    }

    private static void schedule(Thread thread, Runnable task, boolean isWatch) {
        pendingEntries.add(new Entry(thread, task, isWatch));
    }

    private static final class Watcher implements Runnable {
        private final List<Entry> watchees = new ArrayList<Entry>();

        @Override
        public void run() {
            fetchWatchees();
        }

        private void fetchWatchees() {
            for (;;) {
                Entry e = pendingEntries.poll();
                if (e == null) {
                    break;
                }
                if (e.isWatch) {
                    watchees.add(e);
                } else {
                    watchees.remove(e);
                }
            }
        }
    }

    private static final class Entry {
        final boolean isWatch;

        Entry(Thread thread, Runnable task, boolean isWatch) {
            this.isWatch = isWatch;
        }
    }
}
