package fixtures.cache;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public class PojoUtils {
    private static final ConcurrentMap<String, Method> NAME_METHODS_CACHE = new ConcurrentHashMap<String, Method>(); // want "classname-keyed-static-cache:medium"
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>(); // want "classname-keyed-static-cache"
    private static final Map<String, Object> SERIALIZERS = new ConcurrentHashMap<>(); // want "classname-keyed-static-cache"
    private static final Map<String, String> ALIASES = new HashMap<>(); // want "classname-keyed-static-cache" bytecode:- "static-mutable-state" source:-

    static Method method(Class<?> cls, String name) throws Exception {
        String key = cls.getName() + "." + name;
        Method m = NAME_METHODS_CACHE.get(key);
        if (m == null) {
            m = cls.getMethod(name);
            NAME_METHODS_CACHE.put(key, m);
        }
        return m;
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        return CLASSES.computeIfAbsent(name, n -> {
            try {
                return Class.forName(n, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void serializer(Class<?> type, Object serializer) {
        SERIALIZERS.putIfAbsent(type.getName(), serializer);
    }

    static void alias(Object bean, String alias) {
        ALIASES.put(bean.getClass().getName() + "#" + alias, alias);
    }
}
