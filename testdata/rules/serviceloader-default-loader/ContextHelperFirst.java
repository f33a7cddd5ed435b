package fixtures.spi;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.Iterator;
import java.util.ServiceLoader;

// A finder that asks the thread context loader first, read by a private
// helper inside doPrivileged, and its own loader only when that finds no
// provider: a module's providers come first.
final class ContextHelperFirst {
    interface Factory {
    }

    private static ClassLoader contextLoader() {
        return AccessController.doPrivileged((PrivilegedAction<ClassLoader>) () -> {
            try {
                return Thread.currentThread().getContextClassLoader();
            } catch (SecurityException e) {
                return null;
            }
        });
    }

    private static volatile ClassLoader configured;

    // Not the context loader: a helper of the same shape that hands out
    // the loader a caller configured.
    private static ClassLoader configuredLoader() {
        return configured;
    }

    static Factory find() {
        try {
            Iterator<Factory> it = ServiceLoader.load(Factory.class, contextLoader()).iterator();
            if (it.hasNext()) {
                return it.next();
            }
        } catch (RuntimeException e) {
            // next
        }
        Iterator<Factory> it = ServiceLoader.load(Factory.class, ContextHelperFirst.class.getClassLoader()).iterator();
        return it.hasNext() ? it.next() : null;
    }

    static Factory findAfterConfigured() {
        Iterator<Factory> it = ServiceLoader.load(Factory.class, configuredLoader()).iterator();
        if (it.hasNext()) {
            return it.next();
        }
        it = ServiceLoader.load(Factory.class, ContextHelperFirst.class.getClassLoader()).iterator(); // want "serviceloader-default-loader"
        return it.hasNext() ? it.next() : null;
    }
}
