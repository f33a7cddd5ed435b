package fixtures.stdout.remote.boot;

import java.lang.reflect.Method;

// A tiny launcher: it loads the application's main class by a constant
// name and invokes its start method by name.
public final class Launch {
    public static void main(String[] args) throws Exception {
        Class<?> app = Class.forName("fixtures.stdout.remote.app.App");
        Method start = app.getMethod("start", String[].class);
        start.invoke(null, (Object) args);
    }
}
