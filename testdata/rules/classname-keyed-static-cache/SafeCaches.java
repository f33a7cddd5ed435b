package fixtures.cache;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Keyed by Class or ClassLoader, filled only at class initialisation, or not static: none is flagged.
public class SafeCaches {
    private static final Map<Class<?>, Method> BY_CLASS = new ConcurrentHashMap<>();
    private static final Map<ClassLoader, Map<String, Method>> BY_LOADER = new ConcurrentHashMap<>();
    private static final Map<String, Class<?>> PRIMITIVES = new HashMap<>();
    private static final Map<String, Class<?>> COMMON = new HashMap<>(); // want "classname-keyed-static-cache" source:-
    private final Map<String, Method> perBean = new HashMap<>();
    private static final ClassValue<Method> FIRST = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return type.getMethods()[0];
        }
    };

    static {
        PRIMITIVES.put("int", int.class);
        PRIMITIVES.put("long", long.class);
        registerCommon(String.class, Integer.class);
    }

    private static void registerCommon(Class<?>... classes) {
        for (Class<?> c : classes) {
            COMMON.put(c.getName(), c);
        }
    }

    void fill(Class<?> cls, String name) throws Exception {
        BY_CLASS.put(cls, cls.getMethod(name));
        BY_LOADER.computeIfAbsent(cls.getClassLoader(), k -> new ConcurrentHashMap<>()).put(name, cls.getMethod(name));
        perBean.put(cls.getName(), cls.getMethod(name));
    }
}
