package org.apache.logging.log4j.configuration;

public class CustomConfiguration {
}
