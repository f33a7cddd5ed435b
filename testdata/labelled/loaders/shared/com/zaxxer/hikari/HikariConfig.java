// HikariCP 2.7.9, src/main/java/com/zaxxer/hikari/HikariConfig.java (Apache License 2.0).
// Hazard: the property file is named by the application (HikariConfig(String propertyFileName)), and
// the class-relative lookup searches only HikariCP's own loader: in a base that shares HikariCP, a
// module's hikari.properties is never found. A private helper, but its caller passes a run-time name.
package com.zaxxer.hikari;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;

public class HikariConfig {
    public HikariConfig(String propertyFileName) {
        loadProperties(propertyFileName);
    }

    private void loadProperties(String propertyFileName) {
        final File propFile = new File(propertyFileName);
        try (final InputStream is = propFile.isFile() ? new FileInputStream(propFile) : this.getClass().getResourceAsStream(propertyFileName)) { // want "resource-lookup-own-loader"
            if (is != null) {
                Properties props = new Properties();
                props.load(is);
            }
        } catch (Exception io) {
            throw new RuntimeException("Failed to read property file", io);
        }
    }
}
