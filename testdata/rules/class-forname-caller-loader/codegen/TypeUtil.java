package fixtures.forname.gen.util;

// Only the generator, which only the command line runs, calls it.
public final class TypeUtil {
    private TypeUtil() {
    }

    public static Class<?> forName(String name, String[] imports, String[] packages) throws ClassNotFoundException {
        for (String p : imports) {
            try {
                return forName(p + "." + name);
            } catch (ClassNotFoundException e) {
                // try the next import
            }
        }
        return forName(name);
    }

    public static Class<?> forName(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
