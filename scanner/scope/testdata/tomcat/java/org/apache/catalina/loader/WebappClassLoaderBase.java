package org.apache.catalina.loader;

public class WebappClassLoaderBase {
}
