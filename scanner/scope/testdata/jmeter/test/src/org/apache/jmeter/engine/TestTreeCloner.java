package org.apache.jmeter.engine;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class TestTreeCloner {
    @Test
    public void works() {
        assertTrue(true);
    }
}
