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
