package fixtures.captured;

// A project type named Thread: its getContextClassLoader is not the JDK's.
public class LookAlike {
    static class Thread {
        static Thread currentThread() {
            return new Thread();
        }

        ClassLoader getContextClassLoader() {
            return LookAlike.class.getClassLoader();
        }
    }

    private static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader();
}
