package dev.callflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.iut.variants.Variant;
import dev.callflow.iut.variants.Variants;
import dev.callflow.harness.RunConfig;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./callflow mutants}: the mutant zoo and the variant zoo as text, Markdown or JSON, from the code. */
class MutantsCommandTest {

    private record Run(int exit, String out) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CallflowCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return new Run(cli.execute(args), out.toString());
    }

    @Test
    void textNamesEachMutantsRuleBugAndTags() {
        Run r = run("mutants");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("start-audio-in-answer                R-AUD-2\n"
                + "    bug #3/#4/#39 react-native-callkeep #84, react-native-callkit #57, jitsi-meet #6867: media started in "
                + "performAnswerCallAction, before the system activated the session\n    shown by: @R-AUD-2\n");
        assertThat(Mutants.all()).allSatisfy(m -> assertThat(r.out().lines()).anyMatch(l -> l.startsWith(m.name() + " "))
                .contains("    shown by: " + m.tags()));
        assertThat(r.out()).contains("push-completion-before-report        R-PUSH-3 (warns only)")
                .contains(Mutants.all().size() + " mutants").contains(Mutants.UNMUTABLE);
    }

    @Test
    void jsonSplitsTheBugIntoItsSourceAndWhatItDoes() throws Exception {
        Run r = run("mutants", "--json");
        assertThat(r.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(Mutants.all().size());
        Mutant first = Mutants.all().get(0);
        JsonNode row = rows.get(0);
        assertThat(row.get("name").asText()).isEqualTo(first.name());
        assertThat(row.get("rule").asText()).isEqualTo(first.rule());
        assertThat(row.get("source").asText() + ": " + row.get("bug").asText()).isEqualTo(first.bug());
        assertThat(row.get("source").asText()).startsWith("#36");
        assertThat(row.get("tags").asText()).isEqualTo(first.tags());
        assertThat(row.get("warns").asBoolean()).isFalse();
    }

    @Test
    void markdownHasOneRowPerMutantAndVariant() {
        Run m = run("mutants", "--markdown");
        assertThat(m.exit()).isZero();
        assertThat(m.out()).startsWith("| name | rule | source | bug | tags | warns |\n|---|---|---|---|---|---|\n");
        assertThat(m.out().lines().count()).isEqualTo(Mutants.all().size() + 2);
        Run v = run("mutants", "--variants", "--markdown");
        assertThat(v.out()).startsWith("| name | choice | allowedBy |\n");
        assertThat(v.out().lines().count()).isEqualTo(Variants.all().size() + 2);
    }

    @Test
    void variantsSayWhatEachDoesDifferentlyAndWhatAllowsIt() {
        Run r = run("mutants", "--variants");
        assertThat(r.exit()).isZero();
        for (Variant v : Variants.all()) {
            assertThat(r.out()).contains(v.name() + "\n    does: " + v.choice() + "\n    allowed by: " + v.allowedBy() + "\n");
        }
    }

    @Test
    void anUnknownMutantOrVariantPointsToTheListing() {
        assertThatThrownBy(() -> Runs.config("mutant:bogus").build()).isInstanceOf(RunConfig.InvalidRunConfig.class)
                .hasMessageContaining("Unknown mutant 'bogus'; ./callflow mutants lists each with its rule and bug.");
        assertThatThrownBy(() -> Runs.config("variant:bogus").build()).isInstanceOf(RunConfig.InvalidRunConfig.class)
                .hasMessageContaining("./callflow mutants --variants lists each");
    }
}
