package demo.cli;

import java.sql.Connection;
import java.sql.DriverManager;

// Reached from the launcher's main alone: not a finding. The public
// method nothing in the project calls may run anywhere: a finding.
// (Needs Launcher to compile, so it is not among the compiled fixtures.)
class Export {
    void run(String url) throws Exception {
        if (url.isEmpty()) {
            throw new IllegalArgumentException(Launcher.USAGE);
        }
        Class.forName("org.postgresql.Driver");
        try (Connection c = DriverManager.getConnection(url)) {
            c.getMetaData();
        }
    }

    public void register(java.sql.Driver d) throws Exception {
        DriverManager.registerDriver(d); // want "jdbc-driver-registration:medium"
    }
}
