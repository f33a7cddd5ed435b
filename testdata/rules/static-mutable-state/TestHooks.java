package fixtures.state;

import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

// Hooks that only tests call, counters, and entries keyed by a class are
// not app state; a setter an app calls is.
public class TestHooks {
    @interface VisibleForTesting {
    }

    private static final AtomicReference<Object> TEST_ALLOCATOR = new AtomicReference<>();
    private static Object clock;
    private static Object fake;
    private static final AtomicIntegerArray IDS = new AtomicIntegerArray(8);
    private static final Set<WeakReference<Class<?>>> VALIDATED = new CopyOnWriteArraySet<>();
    private static Object codec; // want "static-mutable-state" bytecode:0

    static void setTestAllocator(Object a) {
        TEST_ALLOCATOR.set(a);
    }

    @VisibleForTesting
    static void setClock(Object c) {
        clock = c;
    }

    static void resetForTesting(Object f) {
        fake = f;
    }

    static int nextId(int kind) {
        return IDS.incrementAndGet(kind);
    }

    static void validated(Class<?> type) {
        VALIDATED.add(new WeakReference<>(type));
    }

    public static void setCodec(Object c) {
        codec = c;
    }
}

class DocumentedHooks {
    /**
     * This is only for testing purposes; should never be used otherwise.
     */
    private static boolean failCreate = false; // want "static-mutable-state" source:-
    private static long delay;
    private static long timeout; // want "static-mutable-state" bytecode:0

    /**
     * method for tests to set the delay
     */
    public static void setDelay(long d) {
        delay = d;
    }

    public static void setFailCreate(boolean b) {
        failCreate = b;
    }

    /** Sets the timeout every test and every app sees. */
    public static void setTimeout(long t) {
        timeout = t;
    }
}
