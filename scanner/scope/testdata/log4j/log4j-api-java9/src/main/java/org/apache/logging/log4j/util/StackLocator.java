package org.apache.logging.log4j.util;

public class StackLocator {
}
