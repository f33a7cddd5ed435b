package fixtures.fixed;

import java.io.InputStream;

// Names the library fixes itself, looked up through its own loader: its
// own files, or probes for optional dependencies that sit beside it.
public class FixedNames {
    private static final String CHECK = "java.lang.invoke.MethodHandle";
    private static final String PLUGIN = "fixtures.fixed.Java7Plugin";
    private static final String VFS_PKG = "org.jboss.vfs.";

    // A private helper whose callers pass constants only.
    private static Object createPlugin(String check, String plugin) {
        try {
            ClassLoader loader = FixedNames.class.getClassLoader();
            loader.loadClass(check);
            return loader.loadClass(plugin).newInstance();
        } catch (Throwable ex) {
            return null;
        }
    }

    static Object plugin() {
        Object p = createPlugin(CHECK, PLUGIN);
        return p != null ? p : createPlugin("java.lang.Object", "fixtures.fixed.DefaultPlugin");
    }

    // Probes for another library's classes, built from constants.
    static Class<?> vfs() throws ClassNotFoundException {
        ClassLoader loader = FixedNames.class.getClassLoader();
        loader.loadClass(VFS_PKG + "VFS");
        return loader.loadClass("org.hibernate.jpa.HibernateEntityManagerFactory");
    }

    // The library's own files under its package path, in a local that
    // is assigned twice.
    static InputStream types(boolean encodings) {
        String resourceName = "fixtures/fixed/mime.properties";
        if (encodings) {
            resourceName = "fixtures/fixed/encoding.properties";
        }
        return FixedNames.class.getClassLoader().getResourceAsStream(resourceName); // want "own-classloader-lookup" source:-
    }

    // Still reported: a class or file named at run time.
    public static Class<?> named(String className) throws ClassNotFoundException {
        ClassLoader loader = FixedNames.class.getClassLoader();
        return loader.loadClass(className); // want "own-classloader-lookup"
    }

    public static InputStream file(String name) {
        return FixedNames.class.getClassLoader().getResourceAsStream(name); // want "own-classloader-lookup"
    }
}

// The same in a static initialiser.
class MimeTable {
    static final java.util.Properties TYPES = new java.util.Properties();

    static {
        String resourceName = "fixtures/fixed/mime.properties";
        try (InputStream in = MimeTable.class.getClassLoader().getResourceAsStream(resourceName)) { // want "own-classloader-lookup" source:-
            TYPES.load(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        resourceName = "fixtures/fixed/encoding.properties";
        try (InputStream in = MimeTable.class.getClassLoader().getResourceAsStream(resourceName)) { // want "own-classloader-lookup" source:-
            TYPES.load(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

