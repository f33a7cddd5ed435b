package com.google.common.base;

public class Strings {
    public static boolean isNullOrEmpty(String s) { return s == null || s.isEmpty(); }
}
