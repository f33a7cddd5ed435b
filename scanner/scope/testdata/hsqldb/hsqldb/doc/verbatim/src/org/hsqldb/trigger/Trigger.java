package org.hsqldb.trigger;

public class Trigger {
}
