package dev.callflow.iut.mutants;

import dev.callflow.platform.AppFactory;

/**
 * A deliberately broken reference app: one small, realistic deviation drawn from a real bug in
 * CALLKIT-RULES.md section 3, and the rule it was written to break.
 *
 * @param name    the mutant's name, as in {@code --iut mutant:<name>}
 * @param rule    the rule (R-…) the deviation breaks; the kill matrix requires that rule to fire
 * @param bug     the real bug it is drawn from: {@code #N} of CALLKIT-RULES.md section 3 and its repository
 * @param tags    the Cucumber tag expression of the scenarios that can show the deviation (the kill matrix runs only these)
 * @param factory makes the mutant app, passing the scenario's {@code AppSettings} through as the reference does
 */
public record Mutant(String name, String rule, String bug, String tags, AppFactory factory) {
}
