package fixtures.state.selfreg.hub;

import fixtures.state.selfreg.peer.Peer;
import java.util.HashSet;
import java.util.Set;

// Registries other classes join through open static methods: settled by
// what the project's callers pass.
public final class Hub {
    // every caller of join and leave passes itself; notify walks them all
    static final Table MEMBERS = new Table();
    // a caller passes an object it was handed, not itself
    static final Set<Peer> GUESTS = new HashSet<>(); // want "static-mutable-state"
    // no project code calls attach: apps pass what they like
    private static final Set<Peer> ATTACHED = new HashSet<>(); // want "static-mutable-state"
    // every caller passes itself, but membership is asked of any object
    private static final Set<Peer> LISTED = new HashSet<>(); // want "static-mutable-state"
    // every caller passes itself, but other code may read it as Hub.SHARED
    static final Set<Peer> SHARED = new HashSet<>(); // want "static-mutable-state"

    private Hub() {
    }

    /** A table of the project's own, keyed by object. */
    static final class Table {
        void put(Object key, Object value) {
        }

        Object get(Object key) {
            return null;
        }

        boolean containsKey(Object key) {
            return false;
        }

        void remove(Object key) {
        }

        Object[] keysToArray() {
            return new Object[0];
        }
    }

    public static void join(Peer p, String db) {
        synchronized (MEMBERS) {
            if (!MEMBERS.containsKey(p)) {
                MEMBERS.put(p, new HashSet<String>());
            }
            ((Set<String>) MEMBERS.get(p)).add(db);
        }
    }

    public static void leave(Peer p) {
        synchronized (MEMBERS) {
            MEMBERS.remove(p);
        }
    }

    public static Object databasesOf(Peer p) {
        synchronized (MEMBERS) {
            return MEMBERS.get(p);
        }
    }

    static void notifyAll(String db) {
        for (Object p : MEMBERS.keysToArray()) {
            if (((Set<String>) MEMBERS.get(p)).contains(db)) {
                ((Peer) p).check();
            }
        }
    }

    public static void admit(Peer p) {
        GUESTS.add(p);
    }

    public static void unregisterGuest(Peer p) {
        GUESTS.remove(p);
    }

    public static void attach(Peer p) {
        ATTACHED.add(p);
    }

    public static void detach(Peer p) {
        ATTACHED.remove(p);
    }

    public static void list(Peer p) {
        LISTED.add(p);
    }

    public static void removeListing(Peer p) {
        LISTED.remove(p);
    }

    public static boolean listed(Object any) {
        return LISTED.contains(any);
    }

    public static void share(Peer p) {
        SHARED.add(p);
    }

    public static void unregisterShared(Peer p) {
        SHARED.remove(p);
    }
}
