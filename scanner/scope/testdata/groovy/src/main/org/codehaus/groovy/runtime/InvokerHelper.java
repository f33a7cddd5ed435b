package org.codehaus.groovy.runtime;

public class InvokerHelper {
}
