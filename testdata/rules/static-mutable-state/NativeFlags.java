package fixtures.state;

// One routine filling many statics is one finding, at the first field.
public final class NativeFlags {
    public static int MAJOR; // want "static-mutable-state" bytecode:0
    public static int MINOR;
    public static boolean HAS_THREADS;
    public static boolean HAS_MMAP;
    private static int hits;

    public static boolean initialize(String lib) {
        MAJOR = version(lib, 0);
        MINOR = version(lib, 1);
        HAS_THREADS = version(lib, 2) > 0;
        HAS_MMAP = version(lib, 3) > 0;
        return true;
    }

    static void hit() {
        hits++;
    }

    static void resetStatistics() {
        hits = 0;
    }

    private static int version(String lib, int i) {
        return lib.length() + i;
    }
}
