package fixtures.tl;

// A project class named ThreadLocal is not the JDK's.
public class LookAlike {
    static class ThreadLocal<T> {
        void set(T v) {
        }
    }

    private static final ThreadLocal<String> NAME = new ThreadLocal<>();

    void use() {
        NAME.set("x");
    }
}
