package dev.callflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.timeline.EventKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./callflow events}: the vocabulary as text, Markdown or JSON, and what one name is. */
class EventsCommandTest {

    private record Run(int exit, String out) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CallflowCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return new Run(cli.execute(args), out.toString());
    }

    @Test
    void textGroupsEveryKindBySource() {
        Run r = run("events");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("== system [CallKit]", "== app [App]", "== sdk [MediaSDK]", "== push [APNs]",
                "== signalling [Signalling]", "== user [User]");
        assertThat(EventKind.all()).allSatisfy(k -> assertThat(r.out()).contains("\n" + k.wireName() + " "));
        assertThat(r.out()).contains("performAnswerCallAction              system callback, platform-observable\n"
                + "    provider(_:perform: CXAnswerCallAction)\n");
        assertThat(r.out()).contains("faultInjected                        harness-internal, not platform-observable "
                + "(also from signalling)");
    }

    @Test
    void jsonListsEveryKindWithItsAttributes() throws Exception {
        Run r = run("events", "--json");
        assertThat(r.exit()).isZero();
        JsonNode kinds = new ObjectMapper().readTree(r.out());
        assertThat(kinds).hasSize(EventKind.all().size());
        JsonNode fulfill = kinds.get(EventKind.FULFILL.ordinal());
        assertThat(fulfill.get("name").asText()).isEqualTo("fulfill");
        assertThat(fulfill.get("source").asText()).isEqualTo("app");
        assertThat(fulfill.get("category").asText()).isEqualTo("system API");
        assertThat(fulfill.get("platformObservable").asBoolean()).isTrue();
        assertThat(fulfill.get("api").asText()).startsWith("CXAction.fulfill()");
        assertThat(fulfill.get("attributes").get(0).get("key").asText()).isEqualTo("action");
    }

    @Test
    void markdownIsTheDocument() {
        Run r = run("events", "--markdown");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(EventsCommand.markdown()).startsWith("# Event vocabulary\n");
    }

    @Test
    void namesAreLookedUpAndAnUnknownOneIsAnInputError() {
        Run known = run("events", "didActivateAudioSession");
        assertThat(known.exit()).isZero();
        assertThat(known.out()).startsWith("didActivateAudioSession: system callback from system, platform-observable: ");

        Run unknown = run("events", "startAudio", "lateServerAnswerIgnored");
        assertThat(unknown.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(unknown.out()).contains("startAudio: media SDK from sdk, platform-observable: ")
                .contains("'lateServerAnswerIgnored' is not an event of the vocabulary (an app's own log word?)");
    }

    /** README, "Names people get wrong": a known wrong name points at the right one, not only at names spelt alike. */
    @Test
    void aNamePeopleGetWrongSuggestsTheRightOne() {
        Run declined = run("events", "userChoseDecline");
        assertThat(declined.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(declined.out()).contains("'userChoseDecline' is not an event of the vocabulary")
                .contains("did you mean userDeclinedOtherCall");
        assertThat(run("events", "remoteHangup").out()).contains("did you mean serverEvent type=remoteHangup");
        assertThat(run("events", "reportIncomingCall").out()).contains("did you mean reportNewIncomingCall");
    }
}
