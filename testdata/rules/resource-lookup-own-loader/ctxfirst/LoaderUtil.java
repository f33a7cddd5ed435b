package fixtures.ctxfirst;

// A project helper that returns the thread context loader under a name
// that does not say so.
public final class LoaderUtil {
    private LoaderUtil() {
    }

    public static ClassLoader getStandardClassLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
