package org.apache.derby.ui.actions;

import org.eclipse.ui.IObjectActionDelegate;

public class StopAction implements IObjectActionDelegate {
}
