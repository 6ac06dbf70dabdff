package dev.callflow.iut.variants;

import dev.callflow.platform.AppFactory;

/**
 * A correct implementation that differs from the reference app: each makes choices CALLKIT-RULES.md leaves to the app,
 * and the whole suite must pass against it with no undeclared rule violation. It is the counterpart of a mutant: a
 * mutant proves the suite catches a bug, a variant proves the suite does not demand the reference app's own choices.
 *
 * @param name     the variant's name, as in {@code --iut variant:<name>}
 * @param choice   the allowed choice it makes, in one line
 * @param allowedBy the rule text that allows it (a rule ID and its words, or where CALLKIT-RULES.md leaves it open)
 * @param factory  makes the variant app, passing the scenario's {@code AppSettings} through as the reference does
 */
public record Variant(String name, String choice, String allowedBy, AppFactory factory) {
}
