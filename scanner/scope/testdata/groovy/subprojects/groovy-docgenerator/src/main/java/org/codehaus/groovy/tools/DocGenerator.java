package org.codehaus.groovy.tools;

public class DocGenerator {
}
