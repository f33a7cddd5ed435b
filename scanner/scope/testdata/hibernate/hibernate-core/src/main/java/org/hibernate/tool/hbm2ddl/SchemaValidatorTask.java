package org.hibernate.tool.hbm2ddl;

import org.apache.tools.ant.taskdefs.MatchingTask;

/** The Ant task of the validator: a build tool, which uses no product code. */
public class SchemaValidatorTask extends MatchingTask {
    public void execute() {
        new SchemaValidator().validate();
    }
}
