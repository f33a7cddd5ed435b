package org.apache.mina.core;

public class IoUtil {
}
