// ZooKeeper 3.8, zookeeper-contrib/zookeeper-contrib-rest/src/main/java/org/apache/zookeeper/server/jersey/RestMain.java (Apache License 2.0).
// Safe: the REST gateway's own process; only its main starts it, so the own-loader lookup of the
// configured keystore never runs in a shared JVM.
package org.apache.zookeeper.server.jersey;

import java.io.IOException;
import java.net.URL;

public class RestMain {
    private final String jks;

    public RestMain(String jks) {
        this.jks = jks;
    }

    public void start() throws IOException {
        URL resource = getClass().getClassLoader().getResource(jks);
        if (resource == null) {
            throw new IOException("Unable to find the keystore file: " + jks);
        }
    }

    public static void main(String[] args) throws Exception {
        final RestMain main = new RestMain(args[0]);
        main.start();
    }
}
