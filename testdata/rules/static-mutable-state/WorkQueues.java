package fixtures.state.queues;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

// Queues a class fills and drains itself on every run pass their elements
// through; the registry they feed is the shared state.
public final class WorkQueues {
    private static final Map<String, Runnable> REGISTRY = new HashMap<>(); // want "static-mutable-state"
    // pending removals, applied to the registry and emptied by process()
    private static final List<String> PENDING_REMOVALS = new ArrayList<>(); // want "static-mutable-state" source:-
    // tasks taken out one by one by the watcher loop
    private static final Queue<Runnable> PENDING = new ConcurrentLinkedQueue<>(); // want "static-mutable-state" source:-
    // a registry of the apps' resources that closeAll() walks and clears:
    // one app's closeAll() closes every app's resources
    private static final List<Closeable> RESOURCES = new ArrayList<>(); // want "static-mutable-state"
    // filled and walked but never drained: a listener list
    private static final List<Runnable> LISTENERS = new ArrayList<>(); // want "static-mutable-state"

    public static void register(String name, Runnable r) {
        REGISTRY.put(name, r);
    }

    public static void unregisterLater(String name) {
        synchronized (PENDING_REMOVALS) {
            PENDING_REMOVALS.add(name);
        }
    }

    static void process() {
        synchronized (PENDING_REMOVALS) {
            for (String name : PENDING_REMOVALS) {
                REGISTRY.remove(name);
            }
            PENDING_REMOVALS.clear();
        }
    }

    public static void schedule(Runnable task) {
        PENDING.add(task);
    }

    static void runPending() {
        for (;;) {
            Runnable r = PENDING.poll();
            if (r == null) {
                break;
            }
            r.run();
        }
    }

    public static void track(Closeable c) {
        RESOURCES.add(c);
    }

    static void closeAll() throws IOException {
        for (Closeable c : RESOURCES) {
            c.close();
        }
        RESOURCES.clear();
    }

    public static void listen(Runnable l) {
        LISTENERS.add(l);
    }

    static void fire() {
        for (Runnable l : LISTENERS) {
            l.run();
        }
    }
}
