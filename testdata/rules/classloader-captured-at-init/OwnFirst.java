package fixtures.captured;

// The class's own loader first, the context loader only when the class
// has none (loaded from the boot class path): what a module or the base
// loads always has its own loader. The context loader first, or as the
// fallback of some other lookup, is captured.
public class OwnFirst {
    static final ClassLoader INLINE = OwnFirst.class.getClassLoader() != null
            ? OwnFirst.class.getClassLoader() : Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init" source:-
    static final ClassLoader NEGATED = OwnFirst.class.getClassLoader() == null
            ? Thread.currentThread().getContextClassLoader() : OwnFirst.class.getClassLoader(); // want "classloader-captured-at-init" source:-
    static final ClassLoader GUARDED;
    static final ClassLoader TERNARY;
    static final ClassLoader CONTEXT_FIRST;
    static final ClassLoader OTHER;

    static {
        ClassLoader cl = OwnFirst.class.getClassLoader();
        if (cl == null) {
            cl = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init" source:-
        }
        GUARDED = cl;
        ClassLoader own = OwnFirst.class.getClassLoader();
        TERNARY = own != null ? own : Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init" source:-
        ClassLoader ctx = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"
        CONTEXT_FIRST = ctx != null ? ctx : OwnFirst.class.getClassLoader();
        ClassLoader parent = ClassLoader.getSystemClassLoader().getParent();
        OTHER = parent != null ? parent : Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"
    }
}

// A lookup tried first (the own loader's Class.forName in real code, a
// registry here), the context loader only in the catch of its failure:
// used once, for a class the first lookup cannot see; still the first
// app's loader, so a note.
class FallbackFactory {
    static final java.util.Map<String, Object> REGISTRY = new java.util.HashMap<>();
    static final Object FACTORY;

    static {
        String name = System.getProperty("demo.factory", "demo.DefaultFactory");
        Object made = null;
        try {
            made = REGISTRY.get(name);
            if (made == null) {
                throw new ClassNotFoundException(name);
            }
        } catch (ClassNotFoundException e) {
            try {
                made = Thread.currentThread().getContextClassLoader().loadClass(name) // want "classloader-captured-at-init:low"
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException x) {
                made = null;
            }
        }
        FACTORY = made;
    }

    static ClassLoader current() {
        try {
            return Thread.currentThread().getContextClassLoader();
        } catch (SecurityException e) {
            return null;
        }
    }
}

// Loaders tried in turn, the class's own first: the context loader is
// the fallback, read once for a name the server's configuration gives.
class PropertySourceLoader {
    static final Object SOURCE;

    static {
        String className = System.getProperty("demo.propertySource");
        Object source = null;
        if (className != null) {
            ClassLoader[] cls = new ClassLoader[] {PropertySourceLoader.class.getClassLoader(),
                    Thread.currentThread().getContextClassLoader()}; // want "classloader-captured-at-init:low"
            for (ClassLoader cl : cls) {
                if (cl != null) {
                    source = cl;
                    break;
                }
            }
        }
        SOURCE = source;
    }

    static final ClassLoader[] CONTEXT_FIRST = {Thread.currentThread().getContextClassLoader(), // want "classloader-captured-at-init"
            PropertySourceLoader.class.getClassLoader()};
}
