package org.h2.test;

public class TestAll {
}
