package fixtures.url.base;

import java.net.URL;

public class BaseMain {
    public static void main(String[] args) {
        URL.setURLStreamHandlerFactory(null); // want "url-stream-handler-factory:low"
    }
}
