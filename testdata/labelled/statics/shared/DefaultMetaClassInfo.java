// Groovy 2.4.21, src/main/org/codehaus/groovy/runtime/metaclass/DefaultMetaClassInfo.java and
// src/main/groovy/lang/ExpandoMetaClass.java (Apache 2.0). Hazard behind a helper: the flags are set through
// a public setter that the library calls with true in one place and false in another
// (ExpandoMetaClass.enableGlobally / disableGlobally, public API): the app that called last decides what every
// app's Groovy code sees; setCategoryUsed is public API the project never calls.
package org.codehaus.groovy.runtime.metaclass;

public class DefaultMetaClassInfo {
    private static boolean withoutCustomHandle = true; // want "static-mutable-state"
    private static boolean disabledStandardMC = false; // want "static-mutable-state"
    private static boolean categoryUsed = false; // want "static-mutable-state"

    public static void setWithoutCustomMetaclassCreationHandle(boolean mch) {
        withoutCustomHandle = mch;
        changeFlags(mch);
    }

    public static void setCategoryUsed(boolean b) {
        categoryUsed = b;
        disabledStandardMC = b || !withoutCustomHandle;
    }

    private static void changeFlags(boolean mch) {
        if (mch) {
            disabledStandardMC = true;
        } else {
            disabledStandardMC = categoryUsed;
        }
    }

    public static boolean disabledStandardMetaClass() {
        return disabledStandardMC;
    }
}

class ExpandoMetaClass {
    public static void enableGlobally() {
        DefaultMetaClassInfo.setWithoutCustomMetaclassCreationHandle(false);
    }

    public static void disableGlobally() {
        DefaultMetaClassInfo.setWithoutCustomMetaclassCreationHandle(true);
    }
}
