package com.google.common.testing;

public class EqualsTester {
}
