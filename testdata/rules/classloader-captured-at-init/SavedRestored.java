package fixtures.captured;

// A static initialiser that switches the context loader for its own work
// saves the old one in a local and puts it back in finally: the local is
// only the restore's, and nothing keeps it. Kept anywhere else, in a
// static or past the initialiser, it is the first app's loader for good.
public class SavedRestored {
    static Object registry;
    static ClassLoader kept;

    static {
        ClassLoader old = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init" source:-
        Thread.currentThread().setContextClassLoader(SavedRestored.class.getClassLoader());
        try {
            registry = new Object();
        } finally {
            Thread.currentThread().setContextClassLoader(old);
        }
    }
}

class SavedAndKept {
    static ClassLoader kept;

    static {
        ClassLoader old = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"
        Thread.currentThread().setContextClassLoader(SavedAndKept.class.getClassLoader());
        try {
            kept = old;
        } finally {
            Thread.currentThread().setContextClassLoader(old);
        }
    }
}

class RestoredOutsideFinally {
    static Object registry;

    static {
        ClassLoader old = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"
        Thread.currentThread().setContextClassLoader(RestoredOutsideFinally.class.getClassLoader()); // want "tccl-not-restored:low"
        registry = new Object();
        Thread.currentThread().setContextClassLoader(old);
    }
}
