package org.apache.catalina.startup;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class TestTomcat {
    @Test
    public void works() {
        assertTrue(true);
    }
}
