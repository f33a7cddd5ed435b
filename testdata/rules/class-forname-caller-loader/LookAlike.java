package fixtures.forname;

import my.reflect.Loader;

// User types named like JDK types, and methods named like JDK methods:
// nothing here resolves to java.lang.Class or java.lang.ClassLoader.
public class LookAlike {
    static class Class {
        static Object forName(String name) {
            return name;
        }
    }

    Object shadowed(String name) {
        return Class.forName(name);
    }

    Object otherOwner(String name) {
        return Loader.forName(name);
    }

    Object otherLoader(Loader loader, String name) {
        return loader.loadClass(name);
    }

    Object forName(String name) {
        return name;
    }

    Object unqualified(String name) {
        return forName(name);
    }
}
