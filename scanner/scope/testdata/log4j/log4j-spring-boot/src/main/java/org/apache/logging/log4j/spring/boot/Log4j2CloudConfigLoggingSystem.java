package org.apache.logging.log4j.spring.boot;

public class Log4j2CloudConfigLoggingSystem {
}
