package dev.callflow.devicelog;

import dev.callflow.cli.CallflowCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code CallflowCli.execute} in-process and captures what it prints. */
record Cli(int exit, String out, String err) {

    static synchronized Cli run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = CallflowCli.execute(args);
            System.out.flush();
            System.err.flush();
            return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** As {@link #run}, with {@code stdin} as standard input (for {@code check-log -}). */
    static synchronized Cli runWithStdin(byte[] stdin, String... args) {
        java.io.InputStream oldIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(stdin));
            return run(args);
        } finally {
            System.setIn(oldIn);
        }
    }
}
