package fixtures.cache;

import java.util.HashMap;
import java.util.Map;

// An attribute type the library names Field (as java.text's
// DateFormat.Field): its instances by their names, no
// java.lang.reflect.Field and no class name.
public class Attributes {
    public static class Field {
        private static final Map<String, Field> BY_NAME = new HashMap<>();
        private final String name;

        protected Field(String name) {
            this.name = name;
            BY_NAME.put(name, this);
        }

        public static Field named(String name) {
            return BY_NAME.get(name);
        }

        public String getName() {
            return name;
        }
    }
}
