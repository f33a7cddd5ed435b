package org.apache.derby.impl.tools.ij;

import java.io.PrintStream;
import org.apache.derby.iapi.tools.i18n.LocalizedResource;

public class Main {
    private utilMain utilInstance;

    public static void main(String[] args) throws java.io.IOException {
        LocalizedResource.getInstance();
        new Main(true).go(System.in, System.out);
    }

    public Main(boolean printEnv) {
        utilInstance = new utilMain(1, System.out);
    }

    void go(java.io.InputStream in, PrintStream out) {
        utilInstance.go(in, out);
    }
}
