package org.python.core;

public class PySystemState {
}
