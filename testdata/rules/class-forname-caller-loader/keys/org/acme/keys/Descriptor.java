package org.acme.keys;

import java.util.Properties;

// Look-alike: a descriptor one caller fills from configuration holds a
// name a module may supply; and one whose field has a setter.
final class Descriptor {
    private final String className;

    Descriptor(String className) {
        this.className = className;
    }

    String getClassName() {
        return className;
    }
}

final class Settable {
    private String className;

    Settable(String className) {
        this.className = className;
    }

    void setClassName(String className) {
        this.className = className;
    }

    String getClassName() {
        return className;
    }
}

class Loader {
    Object load(Descriptor d) throws Exception {
        return Class.forName(d.getClassName()).getName(); // want "class-forname-caller-loader"
    }

    Object load(Settable s) throws Exception {
        return Class.forName(s.getClassName()).getName(); // want "class-forname-caller-loader"
    }

    Object loadNamed(String className) throws Exception {
        return Class.forName(className).getName(); // want "class-forname-caller-loader"
    }

    Object loadDescribed(Descriptor d) throws Exception {
        return loadNamed(d.getClassName()); // want "class-forname-caller-loader" bytecode:-
    }

    void boot(Properties p) throws Exception {
        load(new Descriptor("org.acme.keys.CacheFactory"));
        load(new Descriptor(p.getProperty("impl")));
        load(new Settable("org.acme.keys.CacheFactory"));
    }
}

// Through a factory: one of its callers hands in a configured name.
final class Handle {
    private final String type;

    private Handle(String type) {
        this.type = type;
    }

    static Handle named(String type) {
        return new Handle(type);
    }

    String getType() {
        return type;
    }
}

class HandleUser {
    Object open(Handle h) throws Exception {
        return Class.forName(h.getType()).getName(); // want "class-forname-caller-loader"
    }

    void boot(Properties p) throws Exception {
        open(Handle.named("org.acme.keys.LockFactory"));
        open(Handle.named(p.getProperty("handle")));
    }
}
