package org.hibernate.internal;

import org.hibernate.tool.hbm2ddl.SchemaExport;

public final class SessionFactoryImpl {
    public SessionFactoryImpl(boolean create) {
        if (create) {
            new SchemaExport().execute(false);
        }
    }
}
