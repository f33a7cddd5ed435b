package fixtures.state.owner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

// Registries keyed by each owner's own object, which the owner fills on
// start and empties on stop, and work queues of the class's own machinery
// drained on each run, hold nothing one app sets for another.
public final class OwnerKeyed {
    // keyed by the container object: each container sees its own context
    private static final Map<Object, Context> CONTEXTS = new HashMap<>(); // want "static-mutable-state" source:-
    // keyed by the pool instance, removed when the pool closes
    private static final ConcurrentHashMap<Pool, AtomicInteger> POOL_COUNTS = new ConcurrentHashMap<>(); // want "static-mutable-state" source:-
    // keyed by a name apps choose: two apps naming a pool alike collide
    private static final Map<String, Context> BY_NAME = new HashMap<>(); // want "static-mutable-state"
    // keyed by an object, but never emptied of the owner's entry
    private static final Map<Object, Context> NEVER_REMOVED = new HashMap<>(); // want "static-mutable-state"
    // an Object key handed in as a String name
    private static final Map<Object, Context> NAMED = new HashMap<>(); // want "static-mutable-state"
    // keyed by an address object apps build from a name they choose
    private static final Map<Address, Context> BOUND = new HashMap<>(); // want "static-mutable-state"

    static final class Context {
    }

    static final class Pool {
    }

    static final class Address {
    }

    public static void start(Object container) {
        CONTEXTS.put(container, new Context());
    }

    public static void stop(Object container) {
        CONTEXTS.remove(container);
    }

    public static void poolStarted(Pool pool) {
        POOL_COUNTS.putIfAbsent(pool, new AtomicInteger());
    }

    public static void poolClosed(Pool pool) {
        POOL_COUNTS.remove(pool);
    }

    public static void register(String name, Context c) {
        BY_NAME.put(name, c);
    }

    public static void unregister(String name) {
        BY_NAME.remove(name);
    }

    public static void attach(Object owner, Context c) {
        NEVER_REMOVED.put(owner, c);
    }

    public static void bind(String name, Context c) {
        NAMED.put(name, c);
    }

    public static void unbind(String name) {
        NAMED.remove(name);
    }

    public static void bindAddress(Context c, Address address) {
        Address addr = address;
        BOUND.putIfAbsent(addr, c);
    }

    public static void unbindAddress(Address address) {
        BOUND.remove(address);
    }

    // A runtime's finalisation machinery: objects its finalizers register and
    // callbacks it defers pass through to the next run of its own step.
    public static final class Finalization {
        private static IdentityHashMap<Item, Item> delayedFinalizables, resurrectionCriticals;
        private static List<Ref> delayedCallbacks;
        // apps register code to run before each finalisation: an app registry
        private static List<Runnable> preFinalizationProcess = new ArrayList<>(); // want "static-mutable-state"
        // apps hand callbacks that each run drains: still the apps' hooks
        private static List<Runnable> pendingHooks; // want "static-mutable-state" bytecode:0

        static final class Item {
        }

        static final class Ref {
            void call() {
            }
        }

        public static void registerForDelayedFinalization(Item ob) {
            if (delayedFinalizables == null) {
                delayedFinalizables = new IdentityHashMap<>();
            }
            delayedFinalizables.put(ob, ob);
        }

        public static void markCritical(Item ob, Item by) {
            if (resurrectionCriticals == null) {
                resurrectionCriticals = new IdentityHashMap<>();
            }
            resurrectionCriticals.put(ob, by);
        }

        static void finalizeDelayed() {
            if (delayedFinalizables == null) {
                return;
            }
            IdentityHashMap<Item, Item> run = delayedFinalizables;
            delayedFinalizables = new IdentityHashMap<>();
            for (Item ob : run.keySet()) {
                ob.hashCode();
            }
            for (Item ob : resurrectionCriticals.keySet()) {
                ob.hashCode();
            }
            resurrectionCriticals.clear();
        }

        public static void delayedCallback(Ref ref) {
            if (delayedCallbacks == null) {
                delayedCallbacks = new ArrayList<>();
            }
            delayedCallbacks.add(ref);
        }

        static void processDelayedCallbacks() {
            if (delayedCallbacks != null) {
                for (Ref ref : delayedCallbacks) {
                    ref.call();
                }
                delayedCallbacks = null;
            }
        }

        public static void registerPreFinalizationProcess(Runnable process) {
            preFinalizationProcess.add(process);
        }

        public static void unregisterPreFinalizationProcess(Runnable process) {
            preFinalizationProcess.remove(process);
        }

        public static void deferHook(Runnable hook) {
            if (pendingHooks == null) {
                pendingHooks = new ArrayList<>();
            }
            pendingHooks.add(hook);
        }

        static void runHooks() {
            if (pendingHooks != null) {
                for (Runnable r : pendingHooks) {
                    r.run();
                }
                pendingHooks = null;
            }
        }
    }
}

// A registry of data sources by the name each app picks, which one call
// closes and empties for every app: walked and cleared, but no queue.
class NamedSources {
    private static final Map<String, Object> INSTANCES = new ConcurrentHashMap<>(); // want "static-mutable-state"

    public static void register(String name, Object source) {
        INSTANCES.put(name, source);
    }

    public static void closeAll() {
        for (Object source : INSTANCES.values()) {
            source.hashCode();
        }
        INSTANCES.clear();
    }
}

// Managers registered by name, by identity and in a list, and a first-wins
// singleton, all written by the same routines: one finding, although the
// identity map alone would be an owner's registry.
class Managers {
    private static final List<Managers> ALL = new ArrayList<>(); // want "static-mutable-state"
    private static final Map<String, Managers> BY_NAME = new HashMap<>();
    private static final Map<Managers, String> NAMES = new IdentityHashMap<>();
    private static Managers singleton;

    Managers(String name) {
        init(name);
    }

    private void init(String name) {
        ALL.add(this);
        BY_NAME.put(name, this);
        NAMES.put(this, name);
        if (singleton == null) {
            singleton = this;
        }
    }

    public void shutdown() {
        String name = NAMES.remove(this);
        BY_NAME.remove(name);
        ALL.remove(this);
        singleton = null;
    }
}

// Tables of each thread's own entry (a hand-made ThreadLocal: log4j's NDC,
// ImageJ's macro options), emptied when the thread's work is done.
class PerThread {
    private static java.util.Hashtable table = new java.util.Hashtable();
    private static java.util.Hashtable kept = new java.util.Hashtable(); // want "static-mutable-state"
    private static java.util.Hashtable byName = new java.util.Hashtable(); // want "static-mutable-state"

    public static void setOptions(String options) {
        if (options == null) {
            table.remove(Thread.currentThread());
        } else {
            table.put(Thread.currentThread(), options);
        }
    }

    public static void setOptions(Thread thread, String options) {
        if (options == null) {
            table.remove(thread);
        } else {
            table.put(thread, options);
        }
    }

    public static String options() {
        return (String) table.get(Thread.currentThread());
    }

    // never emptied: the thread's entry outlives its work
    public static void remember(String v) {
        kept.put(Thread.currentThread(), v);
    }

    // a raw table keyed by a name the caller chooses
    public static void register(String name, Object v) {
        byName.put(name, v);
    }

    public static void unregister(String name) {
        byName.remove(name);
    }
}
