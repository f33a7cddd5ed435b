package fixtures.spi;

import java.util.Iterator;
import java.util.ServiceLoader;

// Lookups that try the thread context loader first and fall back to the
// library's own loader: a module's providers are found first.
public class ContextFirst {
    public interface Codec {
    }

    // The own loader only when the context loader finds nothing.
    static Codec fallback() {
        Iterator<Codec> it = ServiceLoader.load(Codec.class, Thread.currentThread().getContextClassLoader()).iterator();
        if (!it.hasNext()) {
            it = ServiceLoader.load(Codec.class, ContextFirst.class.getClassLoader()).iterator();
        }
        return it.hasNext() ? it.next() : null;
    }

    // The context loader, or the own one where the thread has none.
    static ServiceLoader<Codec> orOwn() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(Codec.class, tccl != null ? tccl : ContextFirst.class.getClassLoader());
    }

    static ServiceLoader<Codec> orOwnIf() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            return ServiceLoader.load(Codec.class, ContextFirst.class.getClassLoader());
        }
        return ServiceLoader.load(Codec.class, cl);
    }

    // Through a small helper that returns the context loader or the own.
    static ServiceLoader<Codec> viaHelper() {
        return ServiceLoader.load(Codec.class, loader());
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ContextFirst.class.getClassLoader();
    }

    // The own loader only: the hazard.
    static ServiceLoader<Codec> ownOnly() {
        return ServiceLoader.load(Codec.class, ContextFirst.class.getClassLoader()); // want "serviceloader-default-loader"
    }

    // The context loader read, but not used for the lookup.
    static ServiceLoader<Codec> readButUnused() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        tccl.getParent();
        return ServiceLoader.load(Codec.class, ContextFirst.class.getClassLoader()); // want "serviceloader-default-loader"
    }
}
