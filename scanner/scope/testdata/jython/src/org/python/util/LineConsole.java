// A REPL console: reads lines through JLine, a terminal line editor.
package org.python.util;

import jline.console.ConsoleReader;

public class LineConsole {
    private ConsoleReader reader;

    public void install() throws java.io.IOException {
        reader = new ConsoleReader(System.in, System.out);
        System.setProperty("jline.terminal", "auto");
    }
}
