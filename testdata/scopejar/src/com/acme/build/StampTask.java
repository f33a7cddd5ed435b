package com.acme.build;

import org.apache.tools.ant.Task;

// An Ant task: runs inside Ant at build time, never in an application JVM.
public class StampTask extends Task {
    private String stamp = "now";

    public void execute() {
        System.setProperty("build.stamp", stamp);
    }
}
