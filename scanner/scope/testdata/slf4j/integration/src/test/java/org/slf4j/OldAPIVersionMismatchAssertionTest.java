package org.slf4j;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class OldAPIVersionMismatchAssertionTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
