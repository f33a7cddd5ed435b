// jetty 9.4.57, jetty-server/src/main/java/org/eclipse/jetty/server/session/DatabaseAdaptor.java (Apache-2.0 / EPL-1.0).
// Hazard: the JDBC driver class is set through setDriverInfo with no default
// (the field starts null): the user's driver, which a module that sets up
// session storage in a shared Jetty brings in its own jar.
package org.eclipse.jetty.server.session;

public class DatabaseAdaptor {
    private String _driverClassName;
    private String _connectionUrl;

    public void setDriverInfo(String driverClassName, String connectionUrl) {
        _driverClassName = driverClassName;
        _connectionUrl = connectionUrl;
    }

    public void initialize() throws Exception {
        if (_driverClassName != null && _connectionUrl != null) {
            Class.forName(_driverClassName); // want "class-forname-caller-loader:high"
        }
    }
}
