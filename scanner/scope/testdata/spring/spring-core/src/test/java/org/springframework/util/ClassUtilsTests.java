package org.springframework.util;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class ClassUtilsTests {
    @Test
    public void works() {
        assertTrue(true);
    }
}
