package org.acme.lookup;

public final class Packages {
    public static final String ROOT = "org.acme.";
    public static final String XML_FACTORY = "javax.xml.parsers.DocumentBuilderFactory";

    private Packages() {
    }
}
