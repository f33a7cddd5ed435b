package org.apache.jmeter.report;

import org.testng.ITestResult;
import org.testng.TestListenerAdapter;

// A TestNG listener kept beside the product's sources: it runs inside a
// test run alone.
public class XmlTestReporter extends TestListenerAdapter {
    public void onTestSuccess(ITestResult tr) {
        System.setOut(System.err);
    }
}
