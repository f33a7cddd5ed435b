package io.netty.util;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class RecyclerTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
