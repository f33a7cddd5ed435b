package org.apache.tools.ant;

// A stand-in for Apache Ant's Task: shipped in the jar as ant.jar ships it.
public abstract class Task {
    public abstract void execute();
}
