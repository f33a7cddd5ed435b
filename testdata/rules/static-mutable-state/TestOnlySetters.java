package fixtures.state.testonly;

import java.util.HashMap;
import java.util.Map;

// A writer only the project can call (private, or package-private and
// static) that no production code calls is there for tests, which are set
// aside: nothing writes the field at run time. A public setter no one
// calls is the clients' API and stays a finding, and so does a
// package-private one production code calls, or a package-private
// instance method (reached through receivers the call graph cannot
// always resolve).
public final class TestOnlySetters {
    private static Object allocator;
    private static Object clock;
    private static final Map<String, Object> PROVIDERS = new HashMap<>(); // want "static-mutable-state" source:-
    private static Object monitor; // want "static-mutable-state" bytecode:0
    private static Object factory; // want "static-mutable-state" bytecode:0
    private static Object sink; // want "static-mutable-state" bytecode:0

    static void setAllocator(Object a) {
        allocator = a;
    }

    private static void setClock(Object c) {
        clock = c;
    }

    static void addProvider(String name, Object p) {
        PROVIDERS.put(name, p);
    }

    public static void setMonitor(Object m) {
        monitor = m;
    }

    static void setFactory(Object f) {
        factory = f;
    }

    void setSink(Object s) {
        sink = s;
    }

    static String describe() {
        return allocator + " " + clock + PROVIDERS + monitor + factory + sink;
    }
}

final class Wiring {
    static void wire(Object f) {
        TestOnlySetters.setFactory(f);
    }
}

// A final class only its package can name: its public static setter is
// called from the project alone, and here by nothing.
final class PackageWriter {
    private static Object out;

    public static void setOut(Object o) {
        out = o;
    }

    static String show() {
        return String.valueOf(out);
    }
}

