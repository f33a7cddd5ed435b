package fixtures.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import com.alipay.sofa.koupleless.adapter.StaticFieldMapWrapper;

// Statics that are constant, per app, inert or only counted: none is flagged.
public class SafeStatics {
    public static final int LIMIT = 10;
    private static final String NAME = "safe";
    private static final List<String> FIXED = List.of("a", "b");
    private static final Map<String, String> TABLE = new HashMap<>();
    private static final Map<String, Integer> CODES = new HashMap<>(); // want "static-mutable-state" source:-
    private static final Map<ClassLoader, String> PER_APP = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Object> BY_CLASS = new WeakHashMap<>();
    private static final StaticFieldMapWrapper<String> WRAPPED = new StaticFieldMapWrapper<>();
    private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();
    private static final ReentrantLock GUARD = new ReentrantLock();
    private static final Logger log = Logger.getLogger("safe");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicLong served = new AtomicLong();
    private static int threadCount;
    private static final ClassValue<String> NAMES = new ClassValue<String>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getName();
        }
    };
    private static final Map<String, String> VIEW = Collections.unmodifiableMap(TABLE);
    private static volatile SafeStatics cached;
    private static long DEFAULT_TIMEOUT = 1000; // a constant written: computed, not handed in
    private static String mode;
    private final Map<String, String> perInstance = new HashMap<>();
    private static final Map<String, String> DECLARED_ONLY = new HashMap<>();

    static {
        TABLE.put("a", "b");
        mode = "strict";
        register("x", 1);
    }

    private static void register(String k, int v) {
        CODES.put(k, v);
    }

    void use(String k) { // DEFAULT_TIMEOUT is written below: no name exempts a field written at run time
        PER_APP.put(Thread.currentThread().getContextClassLoader(), k);
        BY_CLASS.put(getClass(), k);
        WRAPPED.put(k);
        CONTEXT.set(k);
        CONTEXT.remove();
        GUARD.lock();
        SEQ.incrementAndGet();
        served.addAndGet(2);
        threadCount++;
        perInstance.put(k, k);
        DEFAULT_TIMEOUT = 5;
        log.info(NAME + LIMIT + FIXED + VIEW + NAMES + DECLARED_ONLY.get(k));
    }

    static SafeStatics get() {
        if (cached == null) {
            cached = new SafeStatics();
        }
        return cached;
    }

    void shadow() {
        String mode = "local";
        mode = mode + "!";
    }
}
