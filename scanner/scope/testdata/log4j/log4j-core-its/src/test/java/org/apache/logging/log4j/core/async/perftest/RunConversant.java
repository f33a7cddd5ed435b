package org.apache.logging.log4j.core.async.perftest;

public class RunConversant {
}
