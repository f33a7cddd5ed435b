package org.eclipse.aether.internal.test.util;

public class TestUtils {
}
