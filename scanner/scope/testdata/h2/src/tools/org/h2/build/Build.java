package org.h2.build;

public class Build {
}
