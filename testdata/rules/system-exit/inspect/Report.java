package fixtures.exit.report;

import fixtures.exit.inspect.ClassPrinter;

public class Report {
    public String render(String s) {
        return ClassPrinter.print(s);
    }
}
