package org.acme.text;

// The package holding the library's own bundles.
public interface Resources {
    String PACKAGE = "org.acme.text.resources.";
}
