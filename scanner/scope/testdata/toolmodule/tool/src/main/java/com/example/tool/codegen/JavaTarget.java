package com.example.tool.codegen;

/** A code generation target the tool loads by name. */
public class JavaTarget {
    static int maxSwitchCaseLabels = 300;

    public void setLabels(int n) {
        maxSwitchCaseLabels = n;
    }
}
