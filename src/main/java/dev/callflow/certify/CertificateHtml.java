package dev.callflow.certify;

import java.util.stream.Collectors;

/** {@code certificate.html}: the certificate for people, one self-contained page (no script, no network). */
final class CertificateHtml {
    private CertificateHtml() { }

    static String render(Certificate c) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>callflow certificate</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}
                td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}
                .pass{background:#dfd}.warn{background:#ffd}.fail{background:#fdd}.not-covered{background:#eee}
                code{font-size:90%}</style></head><body>
                """);
        b.append("<h1>callflow conformance certificate</h1>\n");
        b.append("<p><strong>").append(esc(c.iut().name())).append(' ').append(esc(c.iut().version())).append("</strong>: ")
                .append(esc(c.outcome())).append(" (exit ").append(c.exitCode()).append(")</p>\n<table>\n");
        row(b, "implementation under test", c.iut().spec() + " (name and version from " + c.iut().nameFrom() + ")");
        row(b, "harness", c.harness().version() + ", commit " + c.harness().commit());
        row(b, "rule catalogue", "version " + c.rules().version() + ", " + c.rules().count() + " rules, SHA-256 "
                + c.rules().sha256());
        row(b, "run", "policy " + c.run().policy() + ", timing profile " + c.run().timingProfile() + ", seed " + c.run().seed()
                + ", " + (c.run().tags() == null ? "whole suite" : "only scenarios tagged " + c.run().tags()) + ", "
                + c.run().passed() + " of " + c.run().scenarios() + " scenarios passed");
        row(b, "issued", c.issued());
        for (Certificate.Artifact a : c.artifacts()) {
            row(b, "artifact", a.path() + "  SHA-256 " + a.sha256());
        }
        b.append("</table>\n");
        if (!c.notCovered().isEmpty()) {
            b.append("<h2>Not covered by this run</h2>\n<p>No scenario exercised these rules; nothing is certified about "
                    + "them: ").append(esc(String.join(", ", c.notCovered()))).append("</p>\n");
        }
        b.append("<h2>Rules</h2>\n<table><tr><th>rule</th><th>status</th><th>statement</th><th>scenarios</th></tr>\n");
        for (Certificate.RuleResult r : c.ruleResults()) {
            b.append("<tr class=\"").append(r.status().label().replace(' ', '-')).append("\"><td>").append(esc(r.rule()))
                    .append("<br><small>").append(esc(r.severity())).append("</small></td><td>").append(r.status().label())
                    .append("</td><td>").append(esc(r.statement())).append("<br><small>").append(esc(r.source()))
                    .append("</small>");
            for (Certificate.Finding f : r.findings()) {
                b.append("<p>").append(esc(f.where())).append(' ').append(esc(f.scenario())).append(": ")
                        .append(esc(String.join(" / ", f.messages()))).append(" <a href=\"").append(esc(f.timeline()))
                        .append("\">timeline</a> <a href=\"").append(esc(f.diagram())).append("\">diagram</a></p>");
            }
            b.append("</td><td>").append(r.scenarios().size()).append(": <small>")
                    .append(esc(r.scenarios().stream().map(Certificate.Exercise::where).collect(Collectors.joining(", "))))
                    .append("</small></td></tr>\n");
        }
        b.append("</table>\n<h2>Result files</h2>\n<p>").append(esc(c.resultFilesNote()))
                .append(". Check them with <code>./callflow certify --verify certificate.json</code>.</p>\n<table>\n");
        c.resultFiles().forEach((path, sha) -> b.append("<tr><td><code>").append(esc(path)).append("</code></td><td><code>")
                .append(sha).append("</code></td></tr>\n"));
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
