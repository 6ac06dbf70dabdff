package dev.callflow.certify;

import dev.callflow.cli.CallflowCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code ./callflow certify …} in-process and captures what it prints. */
record CertifyCli(int exit, String out, String err) {

    static synchronized CertifyCli run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = CallflowCli.execute(args);
            return new CertifyCli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The tail of what it printed, for assertion messages. */
    String tail() {
        String all = out + err;
        return all.substring(Math.max(0, all.length() - 3000));
    }
}
