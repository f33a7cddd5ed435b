package options.launcher;

import com.beust.jcommander.JCommander;
import options.CopyMode;
import options.Driver;
import options.ListCommand;

public class Tool {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("copy")) {
            new Driver(new CopyMode(), args).execute();
            return;
        }
        JCommander jc = new JCommander();
        ListCommand list = new ListCommand();
        jc.addCommand("list", list);
        jc.parse(args);
        new Driver(null, args).run(list);
    }
}
