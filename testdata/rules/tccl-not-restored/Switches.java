package fixtures;

public class Switches {
    private final ClassLoader target = Switches.class.getClassLoader();

    void noRestore() {
        Thread.currentThread().setContextClassLoader(target); // want "tccl-not-restored"
        work();
    }

    void restoreNotInFinally() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(target); // want "tccl-not-restored"
        work();
        Thread.currentThread().setContextClassLoader(before);
    }

    void viaLocal() {
        Thread t = Thread.currentThread();
        t.setContextClassLoader(target); // want "tccl-not-restored"
        work();
    }

    void work() {
    }
}
