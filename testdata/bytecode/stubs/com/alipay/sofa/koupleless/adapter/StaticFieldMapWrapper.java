package com.alipay.sofa.koupleless.adapter;

public class StaticFieldMapWrapper<V> {
    public V put(V value) { return null; }
}
