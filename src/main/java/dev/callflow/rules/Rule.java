package dev.callflow.rules;

/**
 * A rule of CALLKIT-RULES.md section 1 as code: its stable ID, a one-line statement, where it comes from, how bad
 * a breach is, and a check over a timeline.
 */
public interface Rule {
    /** {@code R-AUD-2}. */
    String id();

    /** One line, in the imperative: "Start media I/O only after didActivateAudioSession". */
    String statement();

    /** Where the rule comes from: Apple's docs, DTS, a maintainer's statement (CALLKIT-RULES.md tags). */
    String source();

    Severity severity();

    /** Judges one scenario's timeline under a policy. */
    RuleVerdict judge(Trace trace, Policy policy);
}
