package org.acme.cli;

// A command-line class whose public method loads the class its main's
// arguments name: no code of the library calls it otherwise.
public class PublicTool {
    public static void main(String[] args) throws Exception {
        new PublicTool().process(args[0]);
        PublicLoader.load(args[1]);
        org.acme.util.Reflection.newInstance(args[2]);
    }

    public Object process(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance();
    }
}
