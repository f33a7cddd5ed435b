// Apache ZooKeeper 3.8.0, zookeeper-server/src/main/java/org/apache/zookeeper/server/admin/Commands.java
// (Apache 2.0). Safe: the registry's only filler is called from the class's own static initialiser, with
// instances of its own command classes: the table is the same for every app that loads the class.
package org.apache.zookeeper.server.admin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

public class Commands {
    private static Map<String, Command> commands = new HashMap<String, Command>();
    private static Set<String> primaryNames = new HashSet<String>();

    public static void registerCommand(Command command) {
        for (String name : command.getNames()) {
            commands.put(name, command);
        }
        primaryNames.add(command.getPrimaryName());
    }

    static {
        registerCommand(new RuokCommand());
        registerCommand(new StatCommand());
    }

    public static class RuokCommand extends Command {
    }

    public static class StatCommand extends Command {
    }
}

class Command {
    Set<String> getNames() {
        return new HashSet<String>();
    }

    String getPrimaryName() {
        return "cmd";
    }
}
