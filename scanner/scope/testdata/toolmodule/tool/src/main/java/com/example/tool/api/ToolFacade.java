package com.example.tool.api;

import com.example.tool.Tool;

/** Runs the grammar compiler from a build plug-in. */
public class ToolFacade {
    public void compile(String[] args) {
        new Tool().process(args);
    }
}
