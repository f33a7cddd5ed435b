package org.acme.lookup;

import java.util.Properties;

// Public wrappers of one name, each handing its own parameter on from a
// different place: a call's argument count tells which overload it
// reaches, so each overload's callers are judged on its own parameter.
// Every caller hands in a constant naming a class of the project.
class CountedLoader {
    static Object create(String name) throws Exception {
        return new CountedLoader().load(name);
    }

    static Object create(int flags, String name) throws Exception {
        return new CountedLoader().load(name);
    }

    Object load(String name) throws Exception {
        return Class.forName(name).getName(); // want "class-forname-caller-loader" source:-
    }
}

class CountedBoot {
    void boot() throws Exception {
        CountedLoader.create("org.acme.lookup.StoreFactory");
        CountedLoader.create(0, "org.acme.lookup.AccessFactory");
    }
}

// The same shape, where a caller of the two-argument overload hands in a
// configured name.
class CountedPlugins {
    static Object create(String name) throws Exception {
        return new CountedPlugins().load(name);
    }

    static Object create(int flags, String name) throws Exception {
        return new CountedPlugins().load(name); // want "class-forname-caller-loader" bytecode:-
    }

    Object load(String name) throws Exception {
        return Class.forName(name).getName(); // want "class-forname-caller-loader"
    }
}

class CountedPluginBoot {
    void boot(Properties p) throws Exception {
        CountedPlugins.create("org.acme.lookup.StoreFactory");
        CountedPlugins.create(0, p.getProperty("plugin"));
    }
}

// An overload taking varargs: a call's argument count does not tell which
// overload it reaches, so every call of the name is a caller of each, the
// configured name handed to the varargs one among them.
class SpreadLoader {
    static Object create(String name) throws Exception {
        return new SpreadLoader().load(name); // want "class-forname-caller-loader" bytecode:-
    }

    static Object create(String name, Object... args) throws Exception {
        return new SpreadLoader().load(name); // want "class-forname-caller-loader" bytecode:-
    }

    Object load(String name) throws Exception {
        return Class.forName(name).getName(); // want "class-forname-caller-loader"
    }
}

class SpreadBoot {
    void boot(Properties p) throws Exception {
        SpreadLoader.create("org.acme.lookup.StoreFactory");
        SpreadLoader.create(p.getProperty("plugin"), 1, 2);
    }
}

// An overload handing its parameter on to the lookup of another overload
// of its name: its own callers are searched and decide the name. Here
// every one hands in a constant naming a class of the project.
class SameNameLoader {
    static Object load(String name) throws Exception {
        return Class.forName(name).getName(); // want "class-forname-caller-loader" source:-
    }

    static Object load(String name, boolean quiet) throws Exception {
        return load(name);
    }
}

class SameNameBoot {
    void boot() throws Exception {
        SameNameLoader.load("org.acme.lookup.StoreFactory", true);
    }
}

// The same, handed a configured name.
class SameNamePlugins {
    static Object load(String name) throws Exception {
        return Class.forName(name).getName(); // want "class-forname-caller-loader"
    }

    static Object load(String name, boolean quiet) throws Exception {
        return load(name);
    }
}

class SameNamePluginBoot {
    void boot(Properties p) throws Exception {
        SameNamePlugins.load(p.getProperty("plugin"), true);
    }
}
