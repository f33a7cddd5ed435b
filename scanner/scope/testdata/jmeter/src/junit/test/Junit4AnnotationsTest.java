package test;

import org.junit.Test;
import static org.junit.Assert.assertTrue;

public class Junit4AnnotationsTest {
    @Test
    public void works() {
        assertTrue(true);
    }
}
