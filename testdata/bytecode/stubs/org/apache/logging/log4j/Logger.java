package org.apache.logging.log4j;

public interface Logger {
}
