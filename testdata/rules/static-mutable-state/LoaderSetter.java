package fixtures.state;

// A static written at run time is never exempted by its type: a class
// loader a caller sets is the first app's for every app. One never
// written after initialisation is not shared run-time state.
public class LoaderSetter {
    private static ClassLoader loader = LoaderSetter.class.getClassLoader(); // want "static-mutable-state"
    private static final ClassLoader OWN = LoaderSetter.class.getClassLoader();

    public static void setLoader(ClassLoader cl) {
        loader = cl;
    }

    static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader != null ? loader : OWN);
    }
}
