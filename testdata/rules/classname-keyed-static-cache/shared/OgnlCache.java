package fixtures.cache.shared;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class OgnlCache {
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>(); // want "classname-keyed-static-cache:high"

    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        FIELDS.put(type.getName() + "." + name, f);
        return f;
    }
}
