package dev.callflow.iut.mutants;

import dev.callflow.iut.AppFactory;

/**
 * A deliberately broken reference app: one small, realistic deviation drawn from a real bug in
 * CALLKIT-RULES.md section 3, and the rule it was written to break.
 */
public record Mutant(String name, String rule, String bug, AppFactory factory) {
}
