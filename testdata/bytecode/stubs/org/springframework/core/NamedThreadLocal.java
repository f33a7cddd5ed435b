package org.springframework.core;

public class NamedThreadLocal<T> extends ThreadLocal<T> {
    public NamedThreadLocal(String name) { }
}
