package demo.start;

// A class that library code reaches too keeps the first app's loader.
public class Settings {
    static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"

    public static ClassLoader loader() {
        return LOADER;
    }
}
