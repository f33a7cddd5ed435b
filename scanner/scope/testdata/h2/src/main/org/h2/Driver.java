package org.h2;

public class Driver {
}
