package org.apache.derby.impl.drda;

import org.apache.derby.iapi.tools.i18n.LocalizedResource;

public final class NetworkServerControlImpl {
    private LocalizedResource langUtil = LocalizedResource.getInstance();
}
