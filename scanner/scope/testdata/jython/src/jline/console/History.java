// JLine's own package: the library, not a console that uses it.
package jline.console;

import jline.console.history.MemoryHistory;

public class History extends MemoryHistory {
}
