package fixtures.jdbc.shared;

import java.sql.Connection;
import java.sql.DriverManager;

public class SharedDao {
    Connection open(String url) throws Exception {
        return DriverManager.getConnection(url); // want "jdbc-driver-registration:low"
    }
}
