package fixtures.state;

import java.util.HashMap;
import java.util.Map;

// Tables built lazily from the library's own constants, the map itself
// made by the init routine: every app builds the same table.
public class LazyTables {
    public static final int SHORT = 1;
    public static final int LONG = 2;

    private static Map<String, Integer> aliases;
    private static boolean initialized = false;

    public static Integer alias(String name) {
        if (!initialized) {
            init();
        }
        return aliases.get(name);
    }

    private static synchronized void init() {
        Map<String, Integer> m = new HashMap<>();
        m.put("short", SHORT);
        m.put("long", LONG);
        aliases = m;
        initialized = true;
    }

    interface Op {
        int apply(int v);
    }

    static final class Neg implements Op {
        public int apply(int v) {
            return -v;
        }
    }

    static final class Shift implements Op {
        final int by;

        Shift(int by) {
            this.by = by;
        }

        public int apply(int v) {
            return v << by;
        }
    }

    // Built by a factory method from the key alone.
    private static final Op[] OPS = new Op[8];

    static Op op(int code) {
        Op o = OPS[code];
        if (o == null) {
            o = create(code);
            OPS[code] = o;
        }
        return o;
    }

    private static Op create(int code) {
        switch (code) {
            case 0:
                return new Neg();
            default:
                return new Shift(code);
        }
    }

    // The look-alike: a table a caller replaces.
    private static Map<String, Integer> overrides; // want "static-mutable-state" bytecode:0

    public static void setOverrides(Map<String, Integer> m) {
        overrides = m;
    }
}
