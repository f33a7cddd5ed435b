package demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;

// Restores in a finally block nested in other try statements
// (try-with-resources, a lock released in an outer finally, a synchronized
// block), and the two halves of a switch split between a method that
// returns the previous loader and one that sets back the loader it is
// passed. Compiled, the restore's normal-path copy lies inside the range
// of every try around it.
public class Nested {
    private final ReentrantLock lock = new ReentrantLock();
    private ClassLoader loader = Nested.class.getClassLoader();

    int read(byte[] b) throws Exception {
        lock.lock();
        try (InputStream in = new ByteArrayInputStream(b)) {
            ClassLoader old = Thread.currentThread().getContextClassLoader();
            try {
                if (loader != null) {
                    Thread.currentThread().setContextClassLoader(loader);
                }
                return in.read();
            } finally {
                Thread.currentThread().setContextClassLoader(old);
            }
        } finally {
            lock.unlock();
        }
    }

    synchronized void locked(Runnable work) {
        synchronized (lock) {
            ClassLoader old = Thread.currentThread().getContextClassLoader();
            try {
                Thread.currentThread().setContextClassLoader(loader);
                work.run();
            } finally {
                Thread.currentThread().setContextClassLoader(old);
            }
        }
    }

    // Inside try-with-resources, but nothing sets the loader back.
    int forgotten(byte[] b) throws Exception {
        try (InputStream in = new ByteArrayInputStream(b)) {
            Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
            return in.read();
        } finally {
            lock.unlock();
        }
    }

    // bind returns the loader it replaced; its caller hands it to unbind.
    public ClassLoader bind(boolean quiet, ClassLoader original) {
        if (loader == null || loader == original) {
            return null;
        }
        Thread.currentThread().setContextClassLoader(loader);
        return original;
    }

    public void unbind(long since, ClassLoader original) {
        if (original != null) {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    public static void unbindStatic(double at, int n, ClassLoader given) {
        Thread.currentThread().setContextClassLoader(given);
    }

    // Takes a loader, but switches to another one and returns nothing.
    public void switchTo(ClassLoader ignored) {
        Thread.currentThread().setContextClassLoader(loader); // want "tccl-not-restored"
    }
}
