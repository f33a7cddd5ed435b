package fixtures.tl;

import java.text.SimpleDateFormat;

// ThreadLocals that fill themselves and are never removed keep a value per
// pooled thread; JDK values pin no ClassLoader, the library's own values pin
// only its own loader (code the base loads is never uninstalled; module code
// is in module/), and a value put back through a private setter from a
// finally block is restored.
public class SelfFilling {
    static final class Buffer {
        final byte[] bytes = new byte[64];
    }

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);
    private static final ThreadLocal<Buffer> OVERRIDDEN = new ThreadLocal<Buffer>() {
        @Override
        protected Buffer initialValue() {
            return new Buffer();
        }
    };
    private static final ThreadLocal<SimpleDateFormat> FORMAT = ThreadLocal.withInitial(() -> new SimpleDateFormat("yyyy"));
    private static final ThreadLocal<Buffer> CLEANED = ThreadLocal.withInitial(Buffer::new);
    private static final ThreadLocal<Buffer> UNUSED = ThreadLocal.withInitial(Buffer::new);
    private static final ThreadLocal<Object> CTX = new ThreadLocal<>();
    private static final ThreadLocal<int @Nullable []> HASH = new ThreadLocal<>();

    static byte[] use() {
        byte[] a = BUFFERS.get().bytes;
        byte[] b = OVERRIDDEN.get().bytes;
        FORMAT.get();
        HASH.set(new int[1]);
        try {
            return CLEANED.get().bytes;
        } finally {
            CLEANED.remove();
        }
    }

    private static void setCtx(Object c) {
        CTX.set(c); // want "threadlocal-leak" source:-
    }

    static void run(Object c, Runnable r) {
        Object old = CTX.get();
        setCtx(c);
        try {
            r.run();
        } finally {
            setCtx(old);
        }
    }
}

@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
@interface Nullable {
}
