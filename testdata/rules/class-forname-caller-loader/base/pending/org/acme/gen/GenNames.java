package org.acme.gen;

// The package the library's precompiled classes are generated into.
public interface GenNames {
    String GEN_PACKAGE = "org.acme.gen.compiled";
    String GEN_PREFIX = GEN_PACKAGE + ".";
}
