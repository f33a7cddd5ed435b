package fixtures.state.selfreg;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;

// Registries each object joins itself and leaves when it stops: no app's
// write changes another app's entry, unless the registry is looked up by
// a name, keyed by one, never left, or handed out whole.
public final class SelfRegistry {
    // each cleaner adds itself on start and removes itself on stop; the
    // shared timer only walks them
    private static final Set<Cleaner> CLEANERS = new HashSet<>(); // want "static-mutable-state" source:-
    private static Timer timer;
    // the same, but a public getter hands every app's watchers out: a note
    private static final Set<Watcher> WATCHERS = new HashSet<>(); // want "static-mutable-state:low"
    // keyed by the name each job is given: two apps naming a job alike collide
    private static final Map<String, Job> JOBS = new HashMap<>(); // want "static-mutable-state"
    // each finder adds itself, but a lookup walks them for a name
    private static final Set<Finder> FINDERS = new HashSet<>(); // want "static-mutable-state"
    // each tracker adds itself and never leaves
    private static final Set<Tracker> TRACKERS = new HashSet<>(); // want "static-mutable-state"
    // each keeper adds itself, but the registry itself is passed to other code
    private static final Set<Keeper> KEEPERS = new HashSet<>(); // want "static-mutable-state"

    // each probe adds itself, but an entry is looked up by a key kept aside
    private static final Set<Probe> PROBES = new HashSet<>(); // want "static-mutable-state"
    private static Probe last;

    private SelfRegistry() {
    }

    static final class Cleaner extends TimerTask {
        @Override
        public void run() {
        }

        void start() {
            registerCleaner(this);
        }

        void stopRunning() {
            unregisterCleaner(this);
        }
    }

    private static synchronized void registerCleaner(Cleaner cleaner) {
        unregisterCleaner(cleaner);
        CLEANERS.add(cleaner);
        if (timer == null) {
            timer = new Timer(true);
        }
        timer.schedule(cleaner, 1000, 1000); // want "tccl-not-propagated" source:-
    }

    private static synchronized void unregisterCleaner(Cleaner cleaner) {
        if (CLEANERS.remove(cleaner)) {
            cleaner.cancel();
            if (CLEANERS.isEmpty() && timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    static int cleanerCount() {
        synchronized (CLEANERS) {
            return CLEANERS.size();
        }
    }

    static final class Watcher {
        void open() {
            watch(this);
        }

        void close() {
            unwatch(this);
        }
    }

    private static void watch(Watcher w) {
        WATCHERS.add(w);
    }

    private static void unwatch(Watcher w) {
        WATCHERS.remove(w);
    }

    public static Set<Watcher> getWatchers() {
        return Collections.unmodifiableSet(WATCHERS);
    }

    static final class Job {
        final String name;

        Job(String name) {
            this.name = name;
        }

        void start() {
            addJob(name, this);
        }

        void stop() {
            removeJob(name);
        }
    }

    private static void addJob(String name, Job job) {
        JOBS.put(name, job);
    }

    private static void removeJob(String name) {
        JOBS.remove(name);
    }

    static final class Finder {
        String name;

        void start() {
            addFinder(this);
        }

        void close() {
            removeFinder(this);
        }
    }

    private static void addFinder(Finder f) {
        FINDERS.add(f);
    }

    private static void removeFinder(Finder f) {
        FINDERS.remove(f);
    }

    public static Finder finderByName(String name) {
        for (Finder f : FINDERS) {
            if (name.equals(f.name)) {
                return f;
            }
        }
        return null;
    }

    static final class Tracker {
        void start() {
            track(this);
        }
    }

    private static void track(Tracker t) {
        TRACKERS.add(t);
    }

    private static void forget(Tracker t) {
        TRACKERS.remove(t);
    }

    static void notifyTrackers() {
        for (Tracker t : TRACKERS) {
            t.start();
        }
    }

    static final class Keeper {
        void start() {
            keep(this);
        }

        void shutdown() {
            release(this);
        }
    }

    private static void keep(Keeper k) {
        KEEPERS.add(k);
    }

    private static void release(Keeper k) {
        KEEPERS.remove(k);
    }

    static void dump() {
        Audit.record(KEEPERS);
    }

    static final class Audit {
        static void record(Set<Keeper> m) {
        }
    }

    static final class Probe {
        void start() {
            addProbe(this);
        }

        void stop() {
            removeProbe(this);
        }
    }

    private static void addProbe(Probe p) {
        PROBES.add(p);
    }

    private static void removeProbe(Probe p) {
        PROBES.remove(p);
    }

    static boolean lastActive() {
        Probe p = last;
        return PROBES.contains(p);
    }
}
