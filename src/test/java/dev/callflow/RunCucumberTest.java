package dev.callflow;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** The Gherkin suite in features/ against the embedded reference app, one JUnit test per scenario. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class RunCucumberTest {
}
