package org.apache.mina.core;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class IoUtilTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
