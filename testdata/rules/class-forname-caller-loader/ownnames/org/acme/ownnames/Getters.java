package org.acme.ownnames;

// A helper whose callers pass what getters return: every body of the
// getter returns a constant of the project, or one does not.
public class Getters {
    // Constants of the project in an interface (a nested one, so that the
    // file compiles alone), and a name of a class it does not define.
    interface Names {
        String MODULE = "org.acme.ownnames.Getters";
        String EXTERNAL = "com.example.plugin.LockImpl";
    }

    // A project interface whose every implementation returns a constant.
    interface Store {
        String storeName();
    }

    static class DiskStore implements Store {
        public String storeName() {
            return Names.MODULE;
        }
    }

    static Class<?> load(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }

    static Class<?> loadOther(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> a() throws Exception {
        return load(storeModule());
    }

    Class<?> self() throws Exception {
        return load(Getters.class.getName());
    }

    Class<?> e(Store s) throws Exception {
        return load(s.storeName());
    }

    Class<?> b() throws Exception {
        return loadOther(pluginName()); // want "class-forname-caller-loader" bytecode:-
    }

    Class<?> c() throws Exception {
        return loadOther(Names.EXTERNAL);
    }

    // A Class's getName: the JDK's getter, whatever the project's own
    // getName returns.
    static Class<?> loadNamed(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> d(Class<?> other) throws Exception {
        return loadNamed(other.getName()); // want "class-forname-caller-loader" bytecode:-
    }

    String getName() {
        return Names.MODULE;
    }

    String storeModule() {
        return Names.MODULE;
    }

    String pluginName() {
        return System.getProperty("plugin");
    }
}
