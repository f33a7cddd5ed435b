package fixtures.state.owner;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

// A registry keyed by the owner object each method is handed (or by the
// object itself), filled and emptied of that owner's entry: each owner
// finds only its own. A class with no nested class shows it compiled too:
// the key is a parameter of an object type (the descriptor's), or this.
public final class OwnerParams {
    private static final Map<Object, Object> BINDINGS = new HashMap<>();
    private static final Map<Connector, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private static final Map<OwnerParams, String> LIVE = new ConcurrentHashMap<>();
    // a name apps choose can collide
    private static final Map<String, Object> BY_NAME = new HashMap<>(); // want "static-mutable-state"
    // never emptied of the owner's entry
    private static final Map<Object, Object> KEPT = new HashMap<>(); // want "static-mutable-state"
    // a key an app builds from a name
    private static final Map<PortAddress, Object> PORTS = new HashMap<>(); // want "static-mutable-state"
    // a local's declared type is the source's: compiled, the key is unknown
    private static final Map<Object, Object> BY_LOCAL = new HashMap<>(); // want "static-mutable-state" source:-

    public static void bind(Object owner, Object context) {
        BINDINGS.put(owner, context);
    }

    public static void unbind(Object owner) {
        BINDINGS.remove(owner);
    }

    public static void started(Connector c) {
        COUNTS.putIfAbsent(c, new AtomicInteger());
    }

    public static void closed(Connector c) {
        COUNTS.remove(c);
    }

    public void open(String label) {
        LIVE.put(this, label);
    }

    public void close() {
        LIVE.remove(this);
    }

    public static void register(String name, Object o) {
        BY_NAME.put(name, o);
    }

    public static void unregister(String name) {
        BY_NAME.remove(name);
    }

    public static void keep(Object owner, Object o) {
        KEPT.put(owner, o);
    }

    public static void listen(PortAddress at, Object o) {
        PORTS.put(at, o);
    }

    public static void stopListening(PortAddress at) {
        PORTS.remove(at);
    }

    public static void attach(Object[] owners, Object o) {
        Object owner = owners[0];
        BY_LOCAL.put(owner, o);
    }

    public static void detach(Object[] owners) {
        Object owner = owners[0];
        BY_LOCAL.remove(owner);
    }
}

final class Connector {
}

final class PortAddress {
}
