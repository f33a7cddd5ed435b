package org.apache.zookeeper.inspector;

public class ZooInspector {
}
