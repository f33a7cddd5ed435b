package org.apache.tomcat.jdbc.test;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class PoolTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
