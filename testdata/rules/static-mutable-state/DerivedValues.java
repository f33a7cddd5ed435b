package fixtures.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// A static assigned (or added to) under no key is judged by the
// parameters its value names itself: a value built from a local the method
// worked out (an exception class made from a base looked up in a module's
// dict, a list of the names a table holds) is the library's own, as it
// reads in the source. A class file shows the same: the locals the value
// reads are not followed back to the parameters they came from. A value
// that names a parameter is the caller's.
public final class DerivedValues {
    private static Object error;
    private static Object handed; // want "static-mutable-state" bytecode:0
    private static final List<String> seen = new ArrayList<>();
    private static final List<Object> given = new ArrayList<>(); // want "static-mutable-state"
    private static final Map<String, String> table = new HashMap<>();

    public static void initExceptions(Map<String, Object> dict) {
        Object base = dict.get("BaseException");
        error = makeClass("Error", base);
    }

    public static void initHanded(Map<String, Object> dict) {
        handed = makeClass("Handed", dict.get("BaseException"));
    }

    public static void remember(Object o) {
        String name = o.getClass().getName().toLowerCase();
        if (!seen.contains(name)) {
            seen.add(name);
        }
    }

    public static void keep(Object o) {
        given.add(o);
    }

    private static Object makeClass(String name, Object base) {
        return name + base;
    }

    static String lookup(String k) {
        return table.get(k);
    }
}
