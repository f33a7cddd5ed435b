package org.apache.tools.ant;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class ProjectTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
