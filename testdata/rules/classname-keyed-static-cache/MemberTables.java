package fixtures.cache;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// A table of a class's own fields by their names keys no class by its
// name; a cache keyed by a class's name stays flagged.
public class MemberTables {
    private static Map<String, Field> fields; // want "classname-keyed-static-cache" source:- bytecode:0

    public static synchronized Field field(String name) {
        if (fields == null) {
            fields = new HashMap<>();
            for (Field f : MemberTables.class.getDeclaredFields()) {
                fields.put(f.getName(), f);
            }
        }
        return fields.get(name);
    }

    private static final Map<String, Method> FIRST = new ConcurrentHashMap<>(); // want "classname-keyed-static-cache"

    public static Method first(Class<?> type) {
        return FIRST.computeIfAbsent(type.getName(), n -> type.getMethods()[0]);
    }
}
