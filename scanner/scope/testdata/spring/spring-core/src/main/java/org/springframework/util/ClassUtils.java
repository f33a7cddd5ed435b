package org.springframework.util;

public class ClassUtils {
}
