package org.apache.commons.lang3;

public class StringUtils {
    public static boolean isBlank(CharSequence s) { return s == null || s.toString().trim().isEmpty(); }
}
