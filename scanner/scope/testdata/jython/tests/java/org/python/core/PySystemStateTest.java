package org.python.core;

public class PySystemStateTest {
}
