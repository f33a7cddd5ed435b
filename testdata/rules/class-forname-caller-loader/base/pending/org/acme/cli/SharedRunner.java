package org.acme.cli;

// The same loading helper, also called by library code with a name its
// caller chose: the library's callers may be modules.
public class SharedRunner {
    public static void main(String[] args) throws Exception {
        new SharedRunner().run(args[0]);
    }

    public Object fromLibrary(String configured) throws Exception {
        return run(configured); // want "class-forname-caller-loader" bytecode:-
    }

    public Object run(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader"
    }
}
