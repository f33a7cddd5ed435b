package fixtures.forname.shared;

import java.util.Properties;

interface Names {
    String CODEC = "fixtures.forname.shared.impl.Codec";
}

// Look-alikes of the hazard that resolve the same in every loader, and
// the order of own and context loader.
public class Precision implements Names {
    static final String DRIVER = "fixtures.forname.shared.impl.Driver";

    // A constant field naming a class of the library: in this file, or in
    // an interface it implements.
    Class<?> local() throws ClassNotFoundException {
        return Class.forName(DRIVER);
    }

    Class<?> viaInterface() throws ClassNotFoundException {
        return Class.forName(CODEC, true, Precision.class.getClassLoader());
    }

    // "own.package." + suffix: one of the library's own classes.
    Class<?> ownPackage(String dialect) throws ClassNotFoundException {
        return Class.forName("fixtures.forname.shared.dialect." + dialect + "Dialect"); // want "class-forname-caller-loader" source:-
    }

    // A probe whose value is used: rated as a probe.
    Class<?> optional() throws ClassNotFoundException {
        Class<?> c = Class.forName("org.slf4j.impl.StaticLoggerBinder"); // want "class-forname-caller-loader:info"
        return c;
    }

    // A name from configuration.
    Class<?> configured(Properties p) throws ClassNotFoundException {
        return Class.forName(p.getProperty("codec")); // want "class-forname-caller-loader:high"
    }

    // Context loader first, own loader as the fallback: the accepted idiom.
    Class<?> contextFirst(String name) throws ClassNotFoundException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl != null) {
            return cl.loadClass(name);
        }
        return Class.forName(name);
    }

    // Own loader first, the context loader only when that fails: a module
    // class is found, unless the base has one of that name.
    Class<?> ownFirst(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name); // want "class-forname-caller-loader:medium"
        } catch (ClassNotFoundException e) {
            return Thread.currentThread().getContextClassLoader().loadClass(name);
        }
    }

    // Under a switch that opts out of the context loader (log4j's
    // LoaderUtil): the caller asked for the own loader.
    static boolean ignoreTccl;

    Class<?> optOut(String name) throws ClassNotFoundException {
        if (ignoreTccl) {
            return Class.forName(name); // want "class-forname-caller-loader" source:-
        }
        return Thread.currentThread().getContextClassLoader().loadClass(name);
    }

    // logback's Loader.loadClass: an ignoreTCL switch, the context loader
    // through getTCL(), the own loader as the last resort.
    static boolean ignoreTCL;

    static ClassLoader getTCL() {
        return Thread.currentThread().getContextClassLoader();
    }

    static Class<?> logbackShape(String clazz) throws ClassNotFoundException {
        if (ignoreTCL) {
            return Class.forName(clazz); // want "class-forname-caller-loader" source:-
        }
        try {
            return getTCL().loadClass(clazz);
        } catch (Throwable e) {
            return Class.forName(clazz); // want "class-forname-caller-loader" source:-
        }
    }

    // groovy's findJavac: a JDK class named through a local.
    Class<?> javac() throws ClassNotFoundException {
        String main = "com.sun.tools.javac.Main";
        return Class.forName(main);
    }

    // ognl's DefaultClassResolver: "java.lang." + name is a JDK class.
    Class<?> javaLang(String className) throws ClassNotFoundException {
        return Class.forName("java.lang." + className, false, Precision.class.getClassLoader()); // want "class-forname-caller-loader" source:-
    }

    // The name starts inside the library: a private method's parameter, a
    // loop over its own table, a check for the JDK's packages first.
    private Class<?> type(String className) throws ClassNotFoundException {
        return Class.forName(className); // want "class-forname-caller-loader:medium"
    }

    void defaults() throws ClassNotFoundException {
        for (String c : new String[] {"fixtures.x.A", "fixtures.x.B"}) {
            Class.forName(c).getName(); // want "class-forname-caller-loader:info"
        }
    }

    Class<?> javaOnly(String typeName) throws ClassNotFoundException {
        if (typeName.startsWith("java")) {
            return Class.forName(typeName, false, getClass().getClassLoader()); // want "class-forname-caller-loader" source:-
        }
        return null;
    }

    Class<?> notJava(String typeName) throws ClassNotFoundException {
        if (!typeName.startsWith("java")) {
            return null;
        }
        return Class.forName(typeName, false, getClass().getClassLoader()); // want "class-forname-caller-loader:medium"
    }

    // A caller of the library's API names the class: the rule's severity.
    public Class<?> api(String className) throws ClassNotFoundException {
        return Class.forName(className); // want "class-forname-caller-loader:high"
    }
}
