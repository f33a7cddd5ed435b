package org.acme.gen;

// Look-alikes of OwnPrefix that stay findings.
class OwnPrefixHazards {
    // Another library's package: its classes come from wherever that
    // library sits, and the suffix is the caller's.
    Class<?> otherLibrary(String name) throws ClassNotFoundException {
        return Class.forName("com.example.plugins." + name); // want "class-forname-caller-loader"
    }

    // A prefix the caller hands in.
    Class<?> callerPrefix(String pkg, String name) throws ClassNotFoundException {
        return Class.forName(pkg + "." + name); // want "class-forname-caller-loader"
    }
}
