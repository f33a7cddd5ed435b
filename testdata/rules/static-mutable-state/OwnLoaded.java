package fixtures.state;

// A class found through a loader by a constant name the library declares
// is the same class for every app: the instance stored is the library's
// own. A name from a parameter, from configuration, or of a JDK or
// third-party class depends on what the app asks for or brings.
public class OwnLoaded {
    static final String OWN_DRIVER = "fixtures.state.OwnLoaded$Embedded";
    static final String DRIVER_ALIAS = OWN_DRIVER;
    static final String OTHER_DRIVER = "org.thirdparty.jdbc.Driver";

    public static class Embedded implements Runnable {
        public void run() {
        }
    }

    private static Runnable byLiteral;
    private static Runnable byConstant;
    private static Runnable byAlias;
    private static Runnable byClassName;
    private static Runnable byLiteralClass;
    private static Runnable byConstructor;
    private static Runnable byNew;
    private static Class<?> ownClass;
    private static Runnable byParameter; // want "static-mutable-state" bytecode:0
    private static Runnable byProperty; // want "static-mutable-state" bytecode:0
    private static Runnable byThirdParty; // want "static-mutable-state" bytecode:0
    private static Runnable byJdk; // want "static-mutable-state" bytecode:0
    private static Class<?> byContextLoader; // want "static-mutable-state" bytecode:0
    private static Runnable byLocal;
    private static Runnable byLocalLiteral;
    private static Runnable byLocalParameter; // want "static-mutable-state" bytecode:0
    private static Runnable byLocalReassigned; // want "static-mutable-state" bytecode:0

    public static void setByLiteral() throws Exception {
        byLiteral = (Runnable) Class.forName("fixtures.state.OwnLoaded$Embedded").newInstance();
    }

    public static void setByConstant() throws Exception {
        byConstant = (Runnable) Class.forName(OWN_DRIVER).newInstance();
    }

    public static void setByAlias() throws Exception {
        byAlias = (Runnable) Class.forName(DRIVER_ALIAS).getDeclaredConstructor().newInstance();
    }

    public static void setByClassName() throws Exception {
        byClassName = (Runnable) Class.forName(Embedded.class.getName()).newInstance(); // want "class-forname-caller-loader"
    }

    public static void setByLiteralClass() throws Exception {
        byLiteralClass = Embedded.class.newInstance();
    }

    public static void setByConstructor() throws Exception {
        byConstructor = Embedded.class.getDeclaredConstructor().newInstance();
    }

    public static void setByNew() {
        byNew = new Embedded();
    }

    public static void setOwnClass() throws Exception {
        ownClass = Class.forName(OWN_DRIVER);
    }

    public static void setByParameter(String name) throws Exception {
        byParameter = (Runnable) Class.forName(name).newInstance(); // want "class-forname-caller-loader"
    }

    public static void setByProperty() throws Exception {
        byProperty = (Runnable) Class.forName(System.getProperty("app.driver", OWN_DRIVER)).newInstance(); // want "class-forname-caller-loader"
    }

    public static void setByThirdParty() throws Exception {
        byThirdParty = (Runnable) Class.forName(OTHER_DRIVER).newInstance(); // want "class-forname-caller-loader"
    }

    public static void setByJdk() throws Exception {
        byJdk = (Runnable) Class.forName("java.lang.Thread").newInstance();
    }

    public static void setByContextLoader() throws Exception {
        byContextLoader = Class.forName(OWN_DRIVER, true, Thread.currentThread().getContextClassLoader());
    }

    // The class a local holds, found by the library's own constant: the
    // same instance kind whichever app restarts the service first.
    public static void restart() throws Exception {
        if (byLocal != null) {
            byLocal = null;
        }
        Class<?> cls = Class.forName(OWN_DRIVER);
        byLocal = (Runnable) cls.getConstructor().newInstance();
    }

    public static void setByLocalLiteral() throws Exception {
        final Class<?> own = Class.forName("fixtures.state.OwnLoaded$Embedded");
        byLocalLiteral = (Runnable) own.newInstance();
    }

    public static void setByLocalParameter(String name) throws Exception {
        Class<?> cls = Class.forName(name); // want "class-forname-caller-loader"
        byLocalParameter = (Runnable) cls.getConstructor().newInstance();
    }

    public static void setByLocalReassigned(String name) throws Exception {
        Class<?> cls = Class.forName(OWN_DRIVER);
        if (name != null) {
            cls = Class.forName(name); // want "class-forname-caller-loader"
        }
        byLocalReassigned = (Runnable) cls.getConstructor().newInstance();
    }
}
