package com.google.common.base;

public class Preconditions {
}
