package org.acme.osgi;

import java.net.URL;
import java.net.URLStreamHandler;
import java.net.URLStreamHandlerFactory;

// A framework that installs its URL handler factory and, when one is
// already set, catches the Error and takes the factory's place by other
// means: no app sees "factory already defined", but the factory it leaves
// installed serves every app. Still the hazard; the message says which.
public class Caught implements URLStreamHandlerFactory {
    public void install() {
        try {
            URL.setURLStreamHandlerFactory(this); // want "url-stream-handler-factory"
        } catch (Error err) {
            swapIn();
        }
    }

    public void installOrFail() {
        try {
            URL.setURLStreamHandlerFactory(this); // want "url-stream-handler-factory"
        } catch (Error err) {
            throw new IllegalStateException("a factory is already set", err);
        }
    }

    private void swapIn() {
    }

    public URLStreamHandler createURLStreamHandler(String protocol) {
        return null;
    }
}
