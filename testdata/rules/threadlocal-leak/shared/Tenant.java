package fixtures.tl.shared;

public class Tenant {
    private static final ThreadLocal<String> ID = new ThreadLocal<>();

    public static void bind(String id) {
        ID.set(id); // a String pins no ClassLoader
    }
}
