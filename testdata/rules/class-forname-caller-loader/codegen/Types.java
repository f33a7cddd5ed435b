package fixtures.forname.gen.util;

// The look-alike: the generator's command line calls it, and so does a
// library method apps call (fixtures.forname.gen.bind.Binder).
public final class Types {
    private Types() {
    }

    public static Class<?> load(String name, String[] imports) throws ClassNotFoundException {
        return load(name);
    }

    public static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name); // want "class-forname-caller-loader"
    }
}
