package fixtures.tccl;

import java.util.concurrent.ThreadFactory;

// A thread factory that wraps the pool's task in its own set-up runs that
// body as the whole life of the thread it makes: the switch ends with the
// thread. A switch on the thread that asks for a new one, or in a task
// handed to a pool's thread, stays a finding.
public class Factories {
    static class Privileged implements ThreadFactory {
        private final ThreadFactory base;
        private final ClassLoader ccl;

        Privileged(ThreadFactory base, ClassLoader ccl) {
            this.base = base;
            this.ccl = ccl;
        }

        public Thread newThread(final Runnable r) {
            return base.newThread(new Runnable() {
                public void run() {
                    Thread.currentThread().setContextClassLoader(ccl); // want "tccl-not-restored" source:-
                    r.run();
                }
            });
        }
    }

    static class Lambda implements ThreadFactory {
        private final ClassLoader ccl;

        Lambda(ClassLoader ccl) {
            this.ccl = ccl;
        }

        public Thread newThread(Runnable r) {
            return java.util.concurrent.Executors.defaultThreadFactory().newThread(() -> {
                Thread.currentThread().setContextClassLoader(ccl); // want "tccl-not-restored" source:-
                r.run();
            });
        }
    }

    static class Caller implements ThreadFactory {
        private final ThreadFactory base;
        private final ClassLoader ccl;

        Caller(ThreadFactory base, ClassLoader ccl) {
            this.base = base;
            this.ccl = ccl;
        }

        public Thread newThread(Runnable r) {
            Thread.currentThread().setContextClassLoader(ccl); // want "tccl-not-restored"
            return base.newThread(r);
        }
    }
}
