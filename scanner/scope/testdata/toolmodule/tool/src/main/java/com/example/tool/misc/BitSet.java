package com.example.tool.misc;

public class BitSet {
    private long[] bits = new long[1];
}
