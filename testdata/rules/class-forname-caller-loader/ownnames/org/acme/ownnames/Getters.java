package org.acme.ownnames;

// A helper whose callers pass what getters return: every body of the
// getter returns a constant of the project, or one does not.
public class Getters {
    static Class<?> load(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader" source:-
    }

    static Class<?> loadOther(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> a() throws Exception {
        return load(storeModule()); // want "class-forname-caller-loader" source:-
    }

    Class<?> self() throws Exception {
        return load(Getters.class.getName()); // want "class-forname-caller-loader" source:-
    }

    Class<?> e(Store s) throws Exception {
        return load(s.storeName()); // want "class-forname-caller-loader" source:-
    }

    Class<?> b() throws Exception {
        return loadOther(pluginName()); // want "class-forname-caller-loader"
    }

    Class<?> c() throws Exception {
        return loadOther(LockModule.EXTERNAL);
    }

    // A Class's getName: the JDK's getter, whatever the project's own
    // getName returns.
    static Class<?> loadNamed(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> d(Class<?> other) throws Exception {
        return loadNamed(other.getName()); // want "class-forname-caller-loader"
    }

    String getName() {
        return StoreModule.MODULE;
    }

    String storeModule() {
        return StoreModule.MODULE;
    }

    String pluginName() {
        return System.getProperty("plugin");
    }
}
