package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name finder seam: a {@code pii} check with an OpenNLP model file finds names and places. The model is trained
 * here, in a second, from sentences this test writes: it shows the seam works, not that such a model is any good.
 */
class NameFinderSeamTest {

    private static final String[] PEOPLE = {"Maria Garcia", "John Smith", "Aiko Tanaka", "Lars Nilsson", "Fatima Khan"};
    private static final String[] PLACES = {"Madrid", "Berlin", "Osaka", "Oslo", "Lahore"};

    @TempDir
    Path dir;

    private Path trainedModel() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String person = "<START:person> " + PEOPLE[i % PEOPLE.length] + " <END>";
            String place = "<START:location> " + PLACES[(i / PEOPLE.length + i) % PLACES.length] + " <END>";
            lines.add(switch (i % 4) {
                case 0 -> person + " lives in " + place + " .";
                case 1 -> "Yesterday " + person + " flew to " + place + " for work .";
                case 2 -> "The invoice for " + person + " was sent to the office in " + place + " .";
                default -> "Please call " + person + " about the order , not the shop in " + place + " .";
            });
            lines.add("The order " + (1000 + i) + " shipped on time and the refund was approved .");
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 60);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try (ObjectStream<NameSample> samples = new NameSampleDataStream(new CollectionObjectStream<>(lines))) {
            TokenNameFinderModel model = NameFinderME.train("en", null, samples, params, new TokenNameFinderFactory());
            Path file = dir.resolve("names.bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                model.serialize(out);
            }
            return file;
        }
    }

    @Test
    void a_user_supplied_model_finds_names_and_places_and_the_redactor_masks_them() throws IOException {
        PiiMetric withNames = PiiMetric.builder().nameFinderModel(trainedModel()).build();
        String text = "Please call Aiko Tanaka about the order , not the shop in Oslo .";

        List<PiiFinding> found = withNames.findIn(text);
        assertThat(found).extracting(PiiFinding::type).containsExactly(PiiFinding.Type.PERSON, PiiFinding.Type.LOCATION);
        assertThat(found).extracting(PiiFinding::text).containsExactly("Aiko Tanaka", "Oslo");
        assertThat(found.get(0).rule()).isEqualTo("OpenNLP name finder, person");
        assertThat(withNames.types()).contains(PiiFinding.Type.PERSON, PiiFinding.Type.LOCATION);
        assertThat(PiiRedactor.typeTags().using(withNames).redact(text))
                .isEqualTo("Please call <PERSON> about the order , not the shop in <LOCATION> .");
    }

    @Test
    void without_a_model_names_are_not_looked_for() {
        assertThat(new PiiMetric().types()).doesNotContain(PiiFinding.Type.PERSON, PiiFinding.Type.LOCATION);
        assertThat(PiiMetric.find("Please call Aiko Tanaka in Oslo .")).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_model_is_refused_naming_it() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.bin"), "not a model");
        assertThatThrownBy(() -> PiiMetric.builder().nameFinderModel(junk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nameFinderModel must be an OpenNLP TokenNameFinderModel file, but '" + junk
                        + "' could not be read as one: ");
    }
}
