package org.apache.tools.ant;

public class Project {
}
