package org.apache.zookeeper.test.system;

public class InstanceManager {
}
