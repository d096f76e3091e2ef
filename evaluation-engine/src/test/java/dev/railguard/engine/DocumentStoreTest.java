package dev.railguard.engine;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering documents and searching them, lexically (Lucene) and with an embedding model. */
class DocumentStoreTest {

    @Test
    void lexical_search_ranks_the_matching_document_first_with_stemming(@TempDir Path dir) throws Exception {
        try (DocumentStore store = DocumentStore.inMemory()) {
            String refunds = store.add("refunds.md", "Refunds are accepted within 30 days of purchase.");
            store.add("shipping.md", "Orders ship within two business days.");
            Path file = dir.resolve("warranty.txt");
            Files.writeString(file, "Electronics carry a two-year warranty against manufacturing defects.");
            String warranty = store.add(file);

            assertThat(store.search("refund policy", 3)).first().satisfies(h -> {
                assertThat(h.documentId()).isEqualTo(refunds);
                assertThat(h.name()).isEqualTo("refunds.md");
                assertThat(h.passage()).contains("30 days");
            });
            assertThat(store.search("defective electronics", 1)).extracting(DocumentHit::documentId)
                    .containsExactly(warranty);
            assertThat(store.get(warranty)).get().extracting(StoredDocument::name).isEqualTo("warranty.txt");
            assertThat(store.search("zebra", 3)).isEmpty();

            assertThat(store.remove(refunds)).isTrue();
            assertThat(store.search("refund", 3)).isEmpty();
            assertThat(store.documents()).hasSize(2);
        }
    }

    @Test
    void long_texts_are_split_into_passages_and_the_matching_passage_is_returned() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("Filler sentence number ").append(i).append(" about nothing in particular. ");
        }
        text.append("The secret ingredient is cardamom. ");
        for (int i = 0; i < 40; i++) {
            text.append("More filler sentence ").append(i).append(". ");
        }
        try (DocumentStore store = DocumentStore.inMemory()) {
            store.add("recipe.md", text.toString());
            DocumentHit hit = store.search("secret ingredient", 1).get(0);
            assertThat(hit.passage()).contains("cardamom").hasSizeLessThan(DocumentStore.PASSAGE_CHARS + 200);
        }
    }

    @Test
    void semantic_search_ranks_by_the_embedding_model() {
        // a toy embedding: counts of a few words, so "money back" lands near "refund"
        EmbeddingModel toy = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return Response.from(segments.stream().map(s -> vector(s.text())).toList());
            }

            private Embedding vector(String text) {
                String t = text.toLowerCase(Locale.ROOT);
                return Embedding.from(new float[] {
                    t.contains("refund") || t.contains("money back") ? 1 : 0,
                    t.contains("ship") ? 1 : 0,
                    0.1f});
            }
        };
        DocumentStore store = DocumentStore.semantic(toy);
        String refunds = store.add("refunds.md", "Refunds are accepted within 30 days.");
        store.add("shipping.md", "Orders ship within two days.");
        assertThat(store.search("can I get my money back?", 1)).extracting(DocumentHit::documentId)
                .containsExactly(refunds);
    }

    @Test
    void a_restriction_to_file_ids_applies_before_ranking_so_a_low_ranked_named_document_is_found() {
        try (DocumentStore store = DocumentStore.inMemory()) {
            for (int i = 0; i < 400; i++) {
                store.add("faq-" + i + ".md", "Refund refund refund: the refund window and refund rules, part " + i
                        + ".");
            }
            String target = store.add("terms.md", "General terms of sale. A refund is possible in some cases.");
            // among all 401 documents the target ranks far below the first 200
            assertThat(store.search("refund window", 200)).extracting(DocumentHit::documentId).doesNotContain(target);
            assertThat(store.search("refund window", 3, Set.of(target))).extracting(DocumentHit::documentId)
                    .containsExactly(target);
            assertThat(store.search("refund window", 3, Set.of())).isEmpty();
        }
    }

    @Test
    void bad_arguments_are_named() {
        DocumentStore store = DocumentStore.inMemory();
        assertThatThrownBy(() -> store.add(" ", "x")).hasMessage("name must not be blank, but was: ' '");
        assertThatThrownBy(() -> store.add("a", " ")).hasMessage("text of document 'a' must not be blank");
        assertThatThrownBy(() -> store.search("x", 0)).hasMessage("maxResults must be at least 1, but was: 0");
    }

    @Test
    void a_store_never_given_a_document_searches_to_nothing_and_indexes_its_first_document_later() {
        try (DocumentStore store = DocumentStore.inMemory()) {
            assertThat(store.search("refund policy", 5)).isEmpty();
            assertThat(store.remove("file_missing")).isFalse();
            String id = store.add("refunds.md", "Refunds are accepted within 30 days of delivery.");
            assertThat(store.search("refund", 5)).extracting(DocumentHit::documentId).containsExactly(id);
            assertThat(store.remove(id)).isTrue();
            assertThat(store.search("refund", 5)).isEmpty();
        }
    }
}
