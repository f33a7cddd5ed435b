// jetty 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/session/DatabaseAdaptor.java
// (Apache License 2.0 / EPL 2.0), trimmed. A hazard: the app hands its Driver to the session store
// (setDriverInfo), which registers it with the JVM-wide DriverManager and never deregisters it; the
// driver, and the loader of the app that made it, stay after the app is gone.
package org.eclipse.jetty.server.session;

import java.sql.Driver;
import java.sql.DriverManager;

public class DatabaseAdaptor {
    private Driver _driver;
    private String _connectionUrl;

    public void setDriverInfo(Driver driver, String connectionUrl) {
        _driver = driver;
        _connectionUrl = connectionUrl;
    }

    public void initialize() throws Exception {
        if (_driver != null && _connectionUrl != null) {
            DriverManager.registerDriver(_driver); // want "jdbc-driver-registration"
        }
    }
}
