package org.python.indexer.demos;

public class HtmlDemo {
}
