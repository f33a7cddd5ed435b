package fixtures.state.weakraw;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

// Registries declared as raw maps: a weak-keyed one whose entries are put
// under the owner's own object (a Class, an instance) holds an entry per
// owner, collected with it; keyed by a name, or strongly, it is shared.
public class WeakRawRegistry {
    private static Map byClass = Collections.synchronizedMap(new WeakHashMap()); // want "static-mutable-state" source:-
    private static Map byName = Collections.synchronizedMap(new WeakHashMap()); // want "static-mutable-state"
    private static Map strong = new HashMap(); // want "static-mutable-state"

    public static void register(Class cls, Object desc) {
        byClass.put(cls, desc);
    }

    public static Object lookup(Class cls) {
        Object d = byClass.get(cls);
        if (d == null) {
            d = new Object();
            byClass.put(cls, d);
        }
        return d;
    }

    public static void registerName(String name, Object desc) {
        byName.put(name, desc);
    }

    public static void keep(Class cls, Object desc) {
        strong.put(cls, desc);
    }
}
