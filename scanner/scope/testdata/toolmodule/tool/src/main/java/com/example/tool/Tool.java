package com.example.tool;

import com.example.tool.misc.BitSet;

/** The grammar compiler's command line. */
public class Tool {
    static int maxAlts = 300;

    public static void main(String[] args) {
        new Tool().process(args);
    }

    public void process(String[] args) {
        if (args.length > 0) {
            maxAlts = Integer.parseInt(args[0]);
        }
        BitSet seen = new BitSet();
        try {
            // targets are found by name: no main reaches them by a name in code
            Class.forName("com.example.tool.codegen." + args[1] + "Target").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            System.exit(1);
        }
    }
}
