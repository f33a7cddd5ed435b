package demo;

// Output in private methods nothing calls never runs: the calls of the
// registry's debugging helpers were commented out, overloads and all.
public class Uncalled {
    private static final class Registry {
        Object find(Class<?> c) {
            // log("find", c);
            return c;
        }

        private static void log(String where, Class<?> c) {
            System.err.printf("%s: %s%n", where, c.getName());
        }

        private static void log(String kind, Object result) {
            System.err.println(kind + " " + result); // want "stdout-usage:low" source:-
        }
    }

    // A private helper that is called prints on the caller's path.
    private static void report(String what) {
        System.out.println(what); // want "stdout-usage:hint"
    }

    public void work() {
        report("work");
    }

    // A private method named in a string may be called by reflection.
    private static void hook() {
        System.out.println("hook"); // want "stdout-usage:hint"
    }

    static final String HOOK = "hook";
}
