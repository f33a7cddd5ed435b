package groovy.util;

import junit.framework.TestCase;

public class GroovyTestCase extends TestCase {
}
