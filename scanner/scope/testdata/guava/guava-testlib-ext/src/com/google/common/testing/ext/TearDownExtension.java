package com.google.common.testing.ext;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

public class TearDownExtension implements AfterEachCallback {
    public void afterEach(ExtensionContext context) {
    }
}
