// Logback 1.2.11, logback-classic/src/main/java/ch/qos/logback/classic/pattern/
// TargetLengthBasedClassNameAbbreviator.java (EPL 1.0 / LGPL 2.1). Safe: a debugging helper whose
// job is to print an array (and a logging framework's own code: its console output is the log).
package ch.qos.logback.classic.pattern;

public class TargetLengthBasedClassNameAbbreviator {
    static void printArray(String msg, int[] ia) {
        System.out.print(msg);
        for (int i = 0; i < ia.length; i++) {
            if (i == 0)
                System.out.print(ia[i]);
            else
                System.out.print(", " + ia[i]);
        }
        System.out.println();
    }
}
