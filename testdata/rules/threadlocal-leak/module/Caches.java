package fixtures.tl.module;

// In module code the library's own values are the module's: a per-thread
// cache of them on a thread the base owns pins the module's ClassLoader.
public class Caches {
    static final class Buffer {
        final byte[] bytes = new byte[64];
    }

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new); // want "threadlocal-leak" bytecode:-
    private static final ThreadLocal<Buffer> CACHED = new ThreadLocal<>();

    static byte[] use() {
        return BUFFERS.get().bytes;
    }

    static Buffer cached() {
        Buffer b = CACHED.get();
        if (b == null) {
            b = new Buffer();
            CACHED.set(b); // want "threadlocal-leak"
        }
        return b;
    }
}
