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

    /**
     * The events whose absence some of this rule's findings rely on ("... never came"): on a device log that never
     * shows one of them, the rule says "not judged" for the call instead ({@link Finding#unlessLogged}).
     */
    default java.util.List<Logged> reliesOnAbsenceOf() {
        return java.util.List.of();
    }

    /** Judges one scenario's timeline under a policy. */
    RuleVerdict judge(Trace trace, Policy policy);
}
