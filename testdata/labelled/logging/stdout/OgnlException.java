// OGNL 2.7.3, src/java/ognl/OgnlException.java (Apache License 2.0). Safe: an exception's own
// printStackTrace() override keeps the JDK's contract (print to System.err); whoever calls it
// chooses the console, and that call is the finding.
package ognl;

public class OgnlException extends Exception {
    private Throwable _reason;

    /**
     * Prints the stack trace for this (and possibly the encapsulated) exception on
     * System.err.
     */
    public void printStackTrace() {
        printStackTrace(System.err);
    }
}
