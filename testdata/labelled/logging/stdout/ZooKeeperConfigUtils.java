// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/util/ConfigUtils.java
// (Apache License 2.0). Hazard: library code a client reaches at run time prints a failed parse to
// System.err instead of the app's log.
package org.apache.zookeeper.server.util;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

public class ConfigUtils {
    public static String getClientConfigStr(String configData) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(configData));
        } catch (IOException e) {
            e.printStackTrace(); // want "stdout-usage"
            return "";
        }
        return props.toString();
    }
}
