package fixtures;

// jetty's ThreadClassLoaderScope: the constructor switches, close() sets
// the loader back; callers use it with try-with-resources.
public class Scope implements AutoCloseable {
    private final ClassLoader old;
    private final ClassLoader scopedClassLoader;

    public Scope(ClassLoader cl) {
        old = Thread.currentThread().getContextClassLoader();
        scopedClassLoader = cl;
        Thread.currentThread().setContextClassLoader(scopedClassLoader);
    }

    @Override
    public void close() {
        Thread.currentThread().setContextClassLoader(old);
    }
}

// A switch with no way back.
class NoScope {
    void enter(Runnable work) {
        Thread.currentThread().setContextClassLoader(NoScope.class.getClassLoader()); // want "tccl-not-restored"
        work.run();
    }
}
