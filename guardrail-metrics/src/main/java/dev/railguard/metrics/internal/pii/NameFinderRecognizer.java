package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Names and places through an Apache OpenNLP {@link TokenNameFinderModel} that the user supplies: the text is split
 * into tokens by OpenNLP's {@link SimpleTokenizer}, the model tags spans of tokens, and a span typed {@code person}
 * becomes a {@link PiiFinding.Type#PERSON}, one typed {@code location} or {@code address} a
 * {@link PiiFinding.Type#LOCATION}, scored with the model's probability; other types are ignored. A
 * {@link NameFinderME} is not thread-safe, so each thread gets its own.
 */
final class NameFinderRecognizer implements Recognizer {

    private final ThreadLocal<NameFinderME> finders;

    NameFinderRecognizer(TokenNameFinderModel model) {
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    @Override
    public PiiFinding.Type type() {
        return PiiFinding.Type.PERSON;
    }

    @Override
    public void scan(String text, List<Candidate> out) {
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        if (tokens.length == 0) {
            return;
        }
        String[] words = Span.spansToStrings(tokens, text);
        NameFinderME finder = finders.get();
        try {
            Span[] names = finder.find(words);
            double[] probs = finder.probs(names);
            for (int i = 0; i < names.length; i++) {
                PiiFinding.Type type = switch (names[i].getType().toLowerCase(Locale.ROOT)) {
                    case "person" -> PiiFinding.Type.PERSON;
                    case "location", "address" -> PiiFinding.Type.LOCATION;
                    default -> null;
                };
                if (type != null) {
                    out.add(new Candidate(type, tokens[names[i].getStart()].getStart(),
                            tokens[names[i].getEnd() - 1].getEnd(), probs[i], "OpenNLP name finder, " + names[i].getType()));
                }
            }
        } finally {
            finder.clearAdaptiveData();
        }
    }
}
