package fixtures.tl.shared;

public class Session {
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

    public static void bind(Object session) {
        CURRENT.set(session); // want "threadlocal-leak:medium"
    }
}
