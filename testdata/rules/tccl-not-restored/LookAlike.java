package fixtures;

import java.util.concurrent.ThreadFactory;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    private final ClassLoader target = LookAlike.class.getClassLoader();

    void restored() {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(target);
        try {
            work();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    void restoredInsideTry() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(target);
            work();
        } finally {
            Thread.currentThread().setContextClassLoader(cl);
        }
    }

    // The switch is conditional; the try follows the if.
    void conditional(boolean override) {
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        if (override) {
            current.setContextClassLoader(target);
        }
        try {
            work();
        } finally {
            if (override) {
                current.setContextClassLoader(saved);
            }
        }
    }

    // A new thread set up before start().
    ThreadFactory factory() {
        return r -> {
            Thread t = new Thread(r);
            t.setContextClassLoader(target);
            return t;
        };
    }

    // Split switch: the caller restores with the returned loader.
    ClassLoader bind(ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        return previous;
    }

    void unbind(ClassLoader original) {
        Thread.currentThread().setContextClassLoader(original);
    }

    void work() {
    }
}

// run() of a dedicated thread owns its context loader.
class Worker extends Thread {
    private final ClassLoader loader;

    Worker(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run() {
        Thread.currentThread().setContextClassLoader(loader);
    }
}

// A user class with the same method name.
class Holder {
    void setContextClassLoader(ClassLoader cl) { }
    void use() { setContextClassLoader(null); }
}
