package io.netty.channel.sctp;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class SctpLimitStreamsTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
