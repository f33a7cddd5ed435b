package com.alibaba.com.caucho.hessian.io;

public class SerializerFactory {
    public SerializerFactory() { }
    public SerializerFactory(ClassLoader loader) { }
}
