package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Runs the recognizers of a set of entity types over a text, raises scores by context words, and settles overlaps.
 * Immutable and thread-safe.
 */
public final class PiiScanner {

    private final List<Recognizer> recognizers;

    /**
     * A scanner of {@code types}.
     *
     * @param types        the entity types to look for; {@code PERSON} and {@code LOCATION} need {@code names}
     * @param phoneRegions the regions whose national phone formats are tried
     * @param names        the name finder model, or {@code null} for none
     */
    public PiiScanner(Set<PiiFinding.Type> types, List<String> phoneRegions, TokenNameFinderModel names) {
        Objects.requireNonNull(types, "types must not be null");
        List<Recognizer> all = new ArrayList<>();
        all.add(ValidatedRecognizers.EMAIL_ADDRESS);
        all.add(new IbanRecognizer());
        all.addAll(PatternRules.ALL);
        all.add(new PhoneRecognizer(List.copyOf(phoneRegions)));
        all.add(ValidatedRecognizers.IP_ADDRESS);
        all.add(ValidatedRecognizers.URL_ADDRESS);
        List<Recognizer> chosen = new ArrayList<>(all.stream().filter(r -> types.contains(r.type())).toList());
        if (names != null && (types.contains(PiiFinding.Type.PERSON) || types.contains(PiiFinding.Type.LOCATION))) {
            chosen.add(new NameFinderRecognizer(names));
        }
        this.recognizers = List.copyOf(chosen);
    }

    /** The types a scanner finds without a name finder model: every type but {@code PERSON} and {@code LOCATION}. */
    public static Set<PiiFinding.Type> patternTypes() {
        return EnumSet.complementOf(EnumSet.of(PiiFinding.Type.PERSON, PiiFinding.Type.LOCATION));
    }

    /** The context words of {@code type}; empty when it has none. */
    public static List<String> contextWords(PiiFinding.Type type) {
        return ContextWords.of(type);
    }

    /**
     * Every finding of every recognizer, context words applied, overlapping ones included (as Presidio's analyzer
     * returns them), ordered by position.
     */
    public List<PiiFinding> scanAll(String text) {
        return candidates(text).stream().sorted(Comparator.comparingInt(Candidate::start))
                .map(c -> finding(text, c)).toList();
    }

    /**
     * The findings that score at least {@code minScore}, without overlaps: where two overlap, the higher score wins
     * (then the longer span), ordered by position.
     */
    public List<PiiFinding> scan(String text, double minScore) {
        List<Candidate> sure = new ArrayList<>();
        for (Candidate c : candidates(text)) {
            if (c.score() >= minScore) {
                sure.add(c);
            }
        }
        sure.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
                .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sure) {
            if (kept.stream().noneMatch(c::overlaps)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept.stream().map(c -> finding(text, c)).toList();
    }

    private List<Candidate> candidates(String text) {
        Objects.requireNonNull(text, "text must not be null");
        List<Candidate> raw = new ArrayList<>();
        for (Recognizer r : recognizers) {
            r.scan(text, raw);
        }
        if (raw.isEmpty()) {
            return raw;
        }
        ContextWords context = new ContextWords(text);
        List<Candidate> enhanced = new ArrayList<>(raw.size());
        for (Candidate c : raw) {
            enhanced.add(context.enhance(c));
        }
        // as Presidio's analyzer: a finding inside another of the same type that scores as much is the same finding
        List<Candidate> out = new ArrayList<>(enhanced.size());
        for (int i = 0; i < enhanced.size(); i++) {
            Candidate c = enhanced.get(i);
            boolean inside = false;
            for (int j = 0; j < enhanced.size() && !inside; j++) {
                Candidate o = enhanced.get(j);
                inside = j != i && o.type() == c.type() && o.start() <= c.start() && c.end() <= o.end()
                        && o.score() >= c.score() && (o.end() - o.start() > c.end() - c.start() || j < i);
            }
            if (!inside) {
                out.add(c);
            }
        }
        return out;
    }

    private static PiiFinding finding(String text, Candidate c) {
        return new PiiFinding(c.type(), c.start(), c.end(), text.substring(c.start(), c.end()), c.score(), c.rule());
    }
}
