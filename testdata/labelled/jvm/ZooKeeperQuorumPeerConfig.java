// ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/quorum/QuorumPeerConfig.java
// (Apache License 2.0). parseProperties copies every key of zoo.cfg it does
// not know into the JVM's system properties as "zookeeper." + key, by
// design (the server reads its switches from there). Still JVM-wide, so
// still a finding: the keys are the configuration's, and two servers
// configured differently in one JVM see the last one read. Which keys
// change is up to zoo.cfg, which the code does not show: a candidate
// (hint) where the role is unknown, a warning where the code is shared.
package org.apache.zookeeper.server.quorum;

import java.io.File;
import java.util.Map.Entry;
import java.util.Properties;

public class QuorumPeerConfig {
    protected File dataDir;
    protected int tickTime;

    public void parseProperties(Properties zkProp) {
        for (Entry<Object, Object> entry : zkProp.entrySet()) {
            String key = entry.getKey().toString().trim();
            String value = entry.getValue().toString().trim();
            if (key.equals("dataDir")) {
                dataDir = new File(value);
            } else if (key.equals("tickTime")) {
                tickTime = Integer.parseInt(value);
            } else {
                System.setProperty("zookeeper." + key, value); // want "system-property-mutation:hint"
            }
        }
    }
}
