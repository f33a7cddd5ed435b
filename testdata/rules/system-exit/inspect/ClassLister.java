package fixtures.exit.inspect;

// A build helper's command line: it lists the classes of a directory with
// the investigator below, which nothing else in the project names.
public class ClassLister {
    public static void main(String[] args) throws Exception {
        ClassInvestigator inv = new ClassInvestigator(args[0]);
        inv.list();
        ClassPrinter.print(args[0]);
    }
}
