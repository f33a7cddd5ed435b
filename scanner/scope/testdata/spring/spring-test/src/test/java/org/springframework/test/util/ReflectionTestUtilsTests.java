package org.springframework.test.util;

import org.junit.Test;

public class ReflectionTestUtilsTests {
    @Test
    public void setField() {
    }
}
