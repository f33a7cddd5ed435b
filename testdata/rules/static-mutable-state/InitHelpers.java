package fixtures.state.inithelpers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

// Tables a private helper fills that only the static initialiser calls,
// directly or through another such helper: set once, as the class
// initialises. A class file shows the same, where every call of a private
// method sits in its own class file.
public final class InitHelpers {
    private static final Map<String, Integer> CODES = new HashMap<>();
    private static final Map<String, Integer> NESTED = new HashMap<>();
    // the helper is called at run time too
    private static final Map<String, Integer> LATER = new HashMap<>(); // want "static-mutable-state"
    // the helper is handed out as a method reference: the source finds no
    // call of it outside the static block, the class file sees it escape
    private static final List<String> SEEN = new ArrayList<>(); // want "static-mutable-state" source:-

    static {
        register("a", 1);
        fillAll();
        remember("c", 3);
        note("x");
        Consumer<String> c = InitHelpers::note;
        c.accept("y");
    }

    private static void register(String k, int v) {
        CODES.put(k, v);
    }

    private static void fillAll() {
        nest("b", 2);
    }

    private static void nest(String k, int v) {
        NESTED.put(k, v);
    }

    private static void remember(String k, int v) {
        LATER.put(k, v);
    }

    public static void add(String k, int v) {
        remember(k, v);
    }

    private static void note(String s) {
        SEEN.add(s);
    }

    public static Integer code(String k) {
        return CODES.containsKey(k) ? CODES.get(k) : NESTED.get(k);
    }

    private InitHelpers() {
    }
}

// The same fill in a class that nests another: from Java 11 on a nested
// class may call the private helper from its own class file, which the
// outer class's does not show, so compiled for 11 and later it stays.
final class NestingInit {
    private static final Map<String, Integer> CODES = new HashMap<>(); // want "static-mutable-state" source:-

    static {
        register("a", 1);
    }

    private static void register(String k, int v) {
        CODES.put(k, v);
    }

    static final class Holder {
        static Integer get(String k) {
            return CODES.get(k);
        }
    }
}
