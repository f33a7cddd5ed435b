package fixtures.state;

// A presence probe that keeps the class Class.forName finds by a fixed
// name: the library's own loader gives every app the same class (or none),
// so the static holds no app's value. A class looked up by a name the
// caller hands in is that caller's.
public class ProbedClasses {
    private static boolean checked;
    private static Class<?> plugin;
    private static Class<?> handed; // want "static-mutable-state" bytecode:0

    public static boolean hasPlugin() {
        if (!checked) {
            checked = true;
            try {
                plugin = Class.forName("org.example.plugin.Plugin"); // want "class-forname-caller-loader" source:-
            } catch (ClassNotFoundException e) {
                plugin = null;
            }
        }
        return plugin != null;
    }

    public static void use(String name) throws ClassNotFoundException {
        handed = Class.forName(name); // want "class-forname-caller-loader:hint"
    }
}
