package io.netty.util;

public class Recycler {
}
