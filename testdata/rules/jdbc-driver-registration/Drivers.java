package fixtures.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;

public class Drivers {
    void register(Driver d) throws Exception {
        DriverManager.registerDriver(d); // want "jdbc-driver-registration:medium"
        Class.forName("com.mysql.cj.jdbc.Driver"); // want "jdbc-driver-registration"
        Class.forName("org.postgresql.Driver"); // want "jdbc-driver-registration"
    }

    // Safe look-alikes.

    Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url);
    }

    void ownRegistry(my.Registry r, Driver d) {
        r.registerDriver(d);
    }
}
