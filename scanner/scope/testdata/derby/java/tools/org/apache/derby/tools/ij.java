package org.apache.derby.tools;

import java.io.IOException;
import org.apache.derby.impl.tools.ij.Main;

/** The ij interactive SQL shell (a trimmed copy of Apache Derby's). */
public class ij {
    public static void main(String[] args) throws IOException {
        Main.main(args);
    }
}
