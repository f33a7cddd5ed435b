package fixtures.url;

import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandlerFactory;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;

public class Handlers {
    void install(URLStreamHandlerFactory f) {
        URL.setURLStreamHandlerFactory(f); // want "url-stream-handler-factory:critical"
        URLConnection.setContentHandlerFactory(null); // want "url-stream-handler-factory"
    }

    void tomcat() {
        TomcatURLStreamHandlerFactory.getInstance(); // want "url-stream-handler-factory"
    }

    void tomcatGuarded() {
        TomcatURLStreamHandlerFactory.disable();
        TomcatURLStreamHandlerFactory.register();
    }

    // Safe look-alikes.

    URL perUrlHandler(String spec, java.net.URLStreamHandler h) throws Exception {
        return new URL(null, spec, h);
    }

    Object otherFactory(my.net.Factory f) {
        return f.getInstance();
    }
}
