package com.google.common.testing;

import junit.framework.TestCase;

public class EqualsTesterTest extends TestCase {
}
