// Groovy 2.4.21, src/main/org/codehaus/groovy/control/CompilationUnit.java (Apache License 2.0).
// Safe: the stack trace is printed only when the compilation unit's debug switch is on, a
// diagnostic someone asked for, not output of the code as it ships.
package org.codehaus.groovy.control;

public class CompilationUnit {
    protected boolean debug;

    public Object getClassNode(final String name) {
        Object[] result = new Object[1];
        try {
            applyToPrimaryClassNodes(name, result);
        } catch (RuntimeException e) {
            if (debug) e.printStackTrace();
        }
        return result[0];
    }

    private void applyToPrimaryClassNodes(String name, Object[] result) {
        result[0] = name;
    }
}
