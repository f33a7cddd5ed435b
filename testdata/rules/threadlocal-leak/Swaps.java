package fixtures.tl;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;

// Values that pin nothing, and a setter made for save and restore.
public class Swaps {
    private static final ThreadLocal CURRENT_MATCHER = new ThreadLocal();
    private static final ThreadLocal<Swaps> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Map<Class<?>, String>> NAMES = ThreadLocal.withInitial(WeakHashMap::new);
    private static final ThreadLocal<Map<Class<?>, Object>> HANDLERS = ThreadLocal.withInitial(WeakHashMap::new); // want "threadlocal-leak" bytecode:-
    private static final ThreadLocal LAST = new ThreadLocal();

    // A JDK value, declared as such.
    public static void setLastMatcher(Matcher matcher) {
        CURRENT_MATCHER.set(matcher); // want "threadlocal-leak" source:-
    }

    // Hands back what it replaces; its caller puts it back in finally.
    protected static Swaps setCurrent(Swaps s) {
        Swaps last = CURRENT.get();
        CURRENT.set(s); // want "threadlocal-leak" source:-
        return last;
    }

    void handle() {
        Swaps last = setCurrent(this);
        try {
            run();
        } finally {
            setCurrent(last);
        }
    }

    // A list of anything may hold an app's objects.
    public static void remember(final List<Object> values) {
        LAST.set(values); // want "threadlocal-leak"
    }

    static String name(Class<?> c) {
        HANDLERS.get().put(c, new Object());
        return NAMES.get().computeIfAbsent(c, Class::getName);
    }

    private void run() {
    }
}
