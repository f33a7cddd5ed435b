package fixtures.state.pending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

// A list of removals asked for while the hooks run: the next run takes it
// out of the hook list and empties it. The hook list is the shared state.
public final class PendingRemovals {

    public static final class Drained {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        // removals applied and emptied by run()
        private static final List<Runnable> REMOVE_LATER = new ArrayList<>(); // want "static-mutable-state" source:-

        public static void add(Runnable r) {
            synchronized (HOOKS) {
                HOOKS.add(r);
            }
        }

        public static void removeAfterNextRun(Runnable r) {
            synchronized (REMOVE_LATER) {
                REMOVE_LATER.add(r);
            }
        }

        public static boolean keep(Runnable r) {
            synchronized (Drained.REMOVE_LATER) {
                return REMOVE_LATER.remove(r);
            }
        }

        public static void run() {
            synchronized (HOOKS) {
                for (Runnable r : HOOKS) {
                    r.run();
                }
                synchronized (REMOVE_LATER) {
                    HOOKS.removeAll(REMOVE_LATER);
                    REMOVE_LATER.clear();
                }
            }
        }
    }

    // a set, no lock
    public static final class DrainedSet {
        private static final Set<Runnable> HOOKS = new HashSet<>(); // want "static-mutable-state"
        private static final Set<Runnable> DROPPED = new HashSet<>(); // want "static-mutable-state" source:-

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
            DROPPED.clear();
        }
    }

    // removeAll'd but never emptied: grows with every app's removals
    public static final class NeverCleared {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        private static final List<Runnable> DROPPED = new ArrayList<>(); // want "static-mutable-state"

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
        }
    }

    // also read by index: what it holds is used beyond the next run
    public static final class Peeked {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        private static final List<Runnable> DROPPED = new ArrayList<>(); // want "static-mutable-state"

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static Runnable lastDropped() {
            return DROPPED.isEmpty() ? null : DROPPED.get(DROPPED.size() - 1);
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
            DROPPED.clear();
        }
    }

    // handed out by a getter
    public static final class Shown {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        private static final List<Runnable> DROPPED = new ArrayList<>(); // want "static-mutable-state"

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static List<Runnable> dropped() {
            return DROPPED;
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
            DROPPED.clear();
        }
    }

    // not private: other classes of the package may read it
    public static final class Visible {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        static final List<Runnable> DROPPED = new ArrayList<>(); // want "static-mutable-state"

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
            DROPPED.clear();
        }
    }

    // emptied in another method than the one that applies it
    public static final class ClearedElsewhere {
        private static final List<Runnable> HOOKS = new ArrayList<>(); // want "static-mutable-state"
        private static final List<Runnable> DROPPED = new ArrayList<>(); // want "static-mutable-state"

        public static void add(Runnable r) {
            HOOKS.add(r);
        }

        public static void drop(Runnable r) {
            DROPPED.add(r);
        }

        public static void run() {
            HOOKS.removeAll(DROPPED);
        }

        public static void reset() {
            DROPPED.clear();
        }
    }
}
