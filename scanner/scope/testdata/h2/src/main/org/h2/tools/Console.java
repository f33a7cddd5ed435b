package org.h2.tools;

public class Console {
}
