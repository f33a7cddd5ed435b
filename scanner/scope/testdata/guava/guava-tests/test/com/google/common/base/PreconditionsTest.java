package com.google.common.base;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class PreconditionsTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
