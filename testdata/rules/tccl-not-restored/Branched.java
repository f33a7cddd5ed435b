package demo;

import java.security.AccessController;
import java.security.PrivilegedAction;

// Restores in a finally block that branches: on a security flag between a
// privileged action and a direct set, or after a nested try of its own.
// Compiled, the finally's catch-any handler jumps over its own branches.
public class Branched {
    static final boolean SECURE = Boolean.getBoolean("demo.secure");
    private int failures;

    static class SetLoader implements PrivilegedAction<Void> {
        private final Thread t = Thread.currentThread();
        private final ClassLoader cl;

        SetLoader(ClassLoader cl) {
            this.cl = cl;
        }

        public Void run() {
            t.setContextClassLoader(cl);
            return null;
        }
    }

    void secured(Runnable work) {
        ClassLoader old = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Branched.class.getClassLoader());
            work.run();
        } finally {
            if (SECURE) {
                AccessController.doPrivileged(new SetLoader(old));
            } else {
                Thread.currentThread().setContextClassLoader(old);
            }
        }
    }

    void nested(Runnable work, AutoCloseable resource) {
        Thread t = Thread.currentThread();
        ClassLoader cl = t.getContextClassLoader();
        t.setContextClassLoader(Branched.class.getClassLoader());
        try {
            work.run();
        } finally {
            try {
                resource.close();
            } catch (Exception e) {
                failures++;
            }
            t.setContextClassLoader(cl);
        }
    }

    // The finally branches too, but restores nothing.
    void forgotten(Runnable work, AutoCloseable resource) {
        Thread.currentThread().setContextClassLoader(Branched.class.getClassLoader()); // want "tccl-not-restored"
        try {
            work.run();
        } finally {
            if (SECURE) {
                work.run();
            } else {
                failures = 0;
            }
        }
    }
}
