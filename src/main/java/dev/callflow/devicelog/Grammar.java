package dev.callflow.devicelog;

import dev.callflow.timeline.Source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An app's own words for the canonical timeline events, read from a small text file (see
 * {@code fixtures/grammars/seed.grammar}). One mapping a line; {@code #} starts a comment line:
 * <pre>
 * configAudio -> configAudio source=sdk
 * /isAudioEnabled\s*=\s*(?:true|YES)/ -> startAudio source=sdk result=ok
 * </pre>
 * Left of {@code ->}: a word, matched as a whole word of the record ({@code [A-Za-z0-9_]+}, case-sensitive, as
 * cheap as the standard vocabulary), or a Java regex between slashes, searched in the record's text (costs a regex
 * search per record; named groups become attributes), or a word then a regex ({@code Answering /CallKit\s*:\s*Answering
 * Call/}): the regex is searched only in records that hold the word, so it costs nothing elsewhere. Right: the
 * canonical event name, then {@code key=value} attributes; {@code source=} (system, app, sdk, push, signalling, user)
 * sets the event's source.
 * <p>
 * {@link #builtIn()} holds the grammars of popular CallKit wrappers, which every {@link Recogniser} knows.
 * Immutable.
 */
public final class Grammar {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern GATED = Pattern.compile("([A-Za-z0-9_]+)\\s+(/.+/)");

    /**
     * The built-in grammars, one per CallKit wrapper, under {@code src/main/resources/dev/callflow/devicelog/grammars/}:
     * their words are the wrappers' own and cannot be mistaken for each other's.
     */
    public static final List<String> BUILT_IN = List.of("rn-callkeep", "flutter-callkit-incoming", "twilio-voice",
            "linphone", "jitsi");

    /** One mapping: the event a word or regex stands for; {@code gate}, the word a gated regex needs, or null. */
    record Mapping(String event, Source source, Map<String, String> attributes, Pattern regex, List<String> groups,
                   String gate) {
    }

    private final String name;
    private final Map<String, Mapping> words;
    private final List<Mapping> regexes;
    private final Map<String, List<Mapping>> gated;

    private Grammar(String name, Map<String, Mapping> words, List<Mapping> regexes, Map<String, List<Mapping>> gated) {
        this.name = name;
        this.words = words;
        this.regexes = regexes;
        this.gated = gated;
    }

    public static Grammar empty() {
        return new Grammar("none", Map.of(), List.of(), Map.of());
    }

    private static final Grammar BUILT_IN_GRAMMARS = loadBuiltIn();

    /** The wrappers' grammars ({@link #BUILT_IN}) as one. */
    public static Grammar builtIn() {
        return BUILT_IN_GRAMMARS;
    }

    /** One built-in grammar by name, e.g. {@code rn-callkeep}. */
    public static Grammar builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("No built-in grammar " + name + "; there are " + BUILT_IN);
        }
        String resource = "grammars/" + name + ".grammar";
        try (var in = Grammar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in grammar " + resource + " is missing from the class path");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Grammar loadBuiltIn() {
        Grammar g = empty();
        for (String name : BUILT_IN) {
            g = g.and(builtIn(name));
        }
        return g;
    }

    /** The grammar {@code check-log} uses by default: {@code fixtures/grammars/seed.grammar} under the harness home. */
    public static final String DEFAULT_FILE = "fixtures/grammars/seed.grammar";

    /**
     * The default grammar, read from {@link #DEFAULT_FILE} under {@code callflow.home} (the working directory when
     * unset); empty when the file is not there.
     */
    public static Grammar defaults() throws IOException {
        Path file = Path.of(System.getProperty("callflow.home", ".")).resolve(DEFAULT_FILE);
        return Files.isRegularFile(file) ? load(file) : empty();
    }

    public static Grammar load(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses grammar lines.
     *
     * @throws IllegalArgumentException naming the line and what was expected there
     */
    public static Grammar parse(String name, List<String> lines) {
        Map<String, Mapping> words = new LinkedHashMap<>();
        List<Mapping> regexes = new ArrayList<>();
        Map<String, List<Mapping>> gated = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.lastIndexOf("->");
            if (arrow <= 0) {
                throw bad(name, n, "'<word or /regex/> -> <event> [key=value ...]'", line);
            }
            String left = line.substring(0, arrow).strip();
            String[] right = line.substring(arrow + 2).strip().split("\\s+");
            if (right.length == 0 || !WORD.matcher(right[0]).matches()) {
                throw bad(name, n, "a canonical event name after '->'", line);
            }
            Source source = null;
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < right.length; i++) {
                int eq = right[i].indexOf('=');
                if (eq <= 0) {
                    throw bad(name, n, "key=value attributes after the event name", line);
                }
                String key = right[i].substring(0, eq);
                String value = right[i].substring(eq + 1);
                if (key.equals("source")) {
                    try {
                        source = Source.fromLabel(value);
                    } catch (IllegalArgumentException e) {
                        throw bad(name, n, "a source: system, app, sdk, push, signalling or user", line);
                    }
                } else {
                    attributes.put(key, value);
                }
            }
            Matcher gate = GATED.matcher(left);
            String gateWord = gate.matches() ? gate.group(1) : null;
            String regex = gateWord != null ? gate.group(2) : left;
            if (regex.length() > 2 && regex.startsWith("/") && regex.endsWith("/")) {
                Pattern p;
                try {
                    p = Pattern.compile(regex.substring(1, regex.length() - 1));
                } catch (PatternSyntaxException e) {
                    throw bad(name, n, "a valid Java regex between slashes (" + e.getDescription() + ")", line);
                }
                Mapping m = new Mapping(right[0], source, Map.copyOf(attributes), p, groupNames(p.pattern()), gateWord);
                if (gateWord == null) {
                    regexes.add(m);
                } else {
                    gated.computeIfAbsent(gateWord, w -> new ArrayList<>()).add(m);
                }
            } else if (WORD.matcher(left).matches()) {
                words.put(left, new Mapping(right[0], source, Map.copyOf(attributes), null, List.of(), null));
            } else {
                throw bad(name, n, "a word [A-Za-z0-9_]+, a /regex/ or a word and a /regex/ left of '->'", line);
            }
        }
        return new Grammar(name, Map.copyOf(words), List.copyOf(regexes), copyOf(gated));
    }

    private static Map<String, List<Mapping>> copyOf(Map<String, List<Mapping>> gated) {
        Map<String, List<Mapping>> copy = new LinkedHashMap<>();
        gated.forEach((w, list) -> copy.put(w, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static List<String> groupNames(String regex) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static IllegalArgumentException bad(String name, int line, String expected, String found) {
        return new IllegalArgumentException("Grammar " + name + " line " + line + ": expected " + expected
                + ", found \"" + found + "\"");
    }

    /** A copy holding this grammar's mappings and then {@code other}'s; a word in both maps as {@code other} says. */
    public Grammar and(Grammar other) {
        if (size() == 0) {
            return other;
        }
        Map<String, Mapping> w = new LinkedHashMap<>(words);
        w.putAll(other.words);
        List<Mapping> r = new ArrayList<>(regexes);
        r.addAll(other.regexes);
        Map<String, List<Mapping>> g = new LinkedHashMap<>(gated);
        other.gated.forEach((word, list) -> g.merge(word, list, (a, b) -> {
            List<Mapping> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        return new Grammar(name + "+" + other.name, Map.copyOf(w), List.copyOf(r), copyOf(g));
    }

    public String name() {
        return name;
    }

    Map<String, Mapping> words() {
        return words;
    }

    List<Mapping> regexes() {
        return regexes;
    }

    /** Regexes searched only in records holding their word, by that word, in file order. */
    Map<String, List<Mapping>> gated() {
        return gated;
    }

    public int size() {
        return words.size() + regexes.size() + gated.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "Grammar " + name + " (" + words.size() + " words, " + regexes.size() + " regexes, "
                + gated.values().stream().mapToInt(List::size).sum() + " word-gated regexes)";
    }

}
