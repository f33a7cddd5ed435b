package fixtures.state;

// A memo of an instance of the class a static final names is not made
// from constants when that final is read from configuration at class
// initialisation: the system properties or the resource seen by whichever
// app first uses the class decide the instance every app then gets.
public class ConfiguredMemo {
    static final String DEFAULT_TESTER = "fixtures.state.ConfiguredMemo$Tester";
    static final String CONFIGURED_TESTER = System.getProperty("fixtures.tester", DEFAULT_TESTER);

    public static class Tester {
    }

    private static String cachedName;
    private static Object cachedTester; // want "static-mutable-state" bytecode:0
    private static Object ownTester;

    static String configuredTesterName() {
        return CONFIGURED_TESTER;
    }

    public static synchronized Object tester() throws Exception {
        String name = configuredTesterName();
        if (cachedName != null && cachedName.equals(name)) {
            return cachedTester;
        }
        cachedTester = Class.forName(name).newInstance(); // want "class-forname-caller-loader"
        cachedName = cachedTester.getClass().getName();
        return cachedTester;
    }

    // Named by a literal constant of the library: the same for every app.
    public static synchronized Object ownTester() throws Exception {
        if (ownTester == null) {
            ownTester = Class.forName(DEFAULT_TESTER).newInstance();
        }
        return ownTester;
    }
}
