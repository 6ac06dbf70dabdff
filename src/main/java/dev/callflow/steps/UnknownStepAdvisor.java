package dev.callflow.steps;

/**
 * For a step no glue defines, names where it is and the glossary steps closest to it, in the step's language, so a QA
 * author can fix the wording instead of writing Java. The runner collects the advice into the run's result; the CLI
 * prints it.
 */
public final class UnknownStepAdvisor {
    private UnknownStepAdvisor() { }

    public static String advice(String step, String where) {
        boolean chinese = StepGlossary.isChinese(step);
        StringBuilder b = new StringBuilder("Undefined step at ").append(where).append(": \"").append(step).append("\"\n");
        b.append(chinese ? "  Closest Chinese steps in the glossary (README.md, \"Step glossary\", column 中文):\n"
                : "  Closest steps in the glossary (README.md, \"Step glossary\"):\n");
        StepGlossary.closest(step, 3).forEach(s -> b.append("    ").append(s).append('\n'));
        if (chinese && step.chars().anyMatch(c -> c == '(' || c == ')' || c == ':' || c == ',')) {
            b.append("  Chinese steps write brackets, colons and commas full-width, as above: （ ） ： ， "
                    + "(not ( ) : , from an English keyboard).\n");
        }
        b.append("  Reword the step to one of these, or add a step definition to dev.callflow.steps.\n");
        return b.toString();
    }
}
