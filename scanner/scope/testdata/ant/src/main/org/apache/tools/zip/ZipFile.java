package org.apache.tools.zip;

public class ZipFile {
}
