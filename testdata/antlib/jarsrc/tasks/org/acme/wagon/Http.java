package org.acme.wagon;

// A library the Ant tasks bundle: it sets the JVM's proxy.
public class Http {
    public void open(String proxy) {
        System.setProperty("http.proxyHost", proxy);
    }
}
