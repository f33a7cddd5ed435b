package org.acme.lookup;

// Constants other classes name classes with: an interface's, and a
// concatenation of another constant.
public interface Names {
    String PACKAGE = "org.acme.lookup.";
    String COMPILER = PACKAGE + "impl.DefaultCompiler";
}
