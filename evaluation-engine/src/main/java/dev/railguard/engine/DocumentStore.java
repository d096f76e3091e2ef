package dev.railguard.engine;

import dev.railguard.api.Checks;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Documents a user registers so that judges can search them ({@link dev.railguard.api.Capability#FILE_SEARCH}), and
 * that workflows may use for repairs. Each document gets a {@code file_} id; its text is split into passages of about
 * {@value #PASSAGE_CHARS} characters at paragraph and sentence boundaries.
 *
 * <p>By default retrieval is lexical, with no model: Apache Lucene's in-memory index with English stemming and BM25
 * ranking. {@link #semantic(EmbeddingModel)} ranks passages by cosine similarity of a LangChain4j
 * {@link EmbeddingModel}'s embeddings instead.
 *
 * <pre>{@code
 * DocumentStore docs = DocumentStore.inMemory();
 * String id = docs.add("refund-policy.md", "Refunds are accepted within 30 days ...");
 * RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).documents(docs).build();
 * // requests with Capability.FILE_SEARCH give judges a file_search tool over docs
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DocumentStore implements AutoCloseable {

    /** The target passage length in characters. */
    public static final int PASSAGE_CHARS = 800;

    private final Map<String, StoredDocument> documents = new LinkedHashMap<>();
    private final EmbeddingModel embeddings;
    private final List<Passage> passages = new ArrayList<>();
    // the lexical index is created with the first document: an evaluator that never gets one never starts Lucene
    private ByteBuffersDirectory directory;
    private Analyzer analyzer;
    private IndexWriter writer;

    private record Passage(String documentId, String name, String text, Embedding embedding) {}

    private DocumentStore(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    /** The lexical index writer, created on first use; call holding this store's lock. */
    private IndexWriter writer() {
        if (writer == null) {
            directory = new ByteBuffersDirectory();
            analyzer = new EnglishAnalyzer();
            try {
                writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the in-memory index", e);
            }
        }
        return writer;
    }

    /** An empty store with lexical retrieval (Lucene, in memory); needs no model. */
    public static DocumentStore inMemory() {
        return new DocumentStore(null);
    }

    /** An empty store that ranks passages by the cosine similarity of {@code model}'s embeddings. */
    public static DocumentStore semantic(EmbeddingModel model) {
        return new DocumentStore(Objects.requireNonNull(model, "embeddingModel must not be null"));
    }

    /**
     * Registers a text under {@code name} and returns its id.
     *
     * @throws IllegalArgumentException if {@code name} or {@code text} is blank
     */
    public String add(String name, String text) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(text, "text must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was: '" + name + "'");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text of document '" + name + "' must not be blank");
        }
        String id = EventIds.next("file");
        List<String> parts = split(text);
        List<Embedding> vectors = embeddings == null ? null
                : embeddings.embedAll(parts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList())
                        .content();
        synchronized (this) {
            documents.put(id, new StoredDocument(id, name, text));
            for (int i = 0; i < parts.size(); i++) {
                if (embeddings == null) {
                    Document doc = new Document();
                    doc.add(new StringField("id", id, Field.Store.YES));
                    doc.add(new StoredField("name", name));
                    doc.add(new TextField("text", parts.get(i), Field.Store.YES));
                    try {
                        writer().addDocument(doc);
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not index document '" + name + "'", e);
                    }
                } else {
                    passages.add(new Passage(id, name, parts.get(i), vectors.get(i)));
                }
            }
            commit();
        }
        return id;
    }

    /**
     * Registers the UTF-8 text of {@code file} under its file name and returns its id.
     *
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public String add(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            return add(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read document file " + file, e);
        }
    }

    /** The document with {@code id}, if registered. */
    public synchronized Optional<StoredDocument> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** Every registered document, in the order of registration. */
    public synchronized List<StoredDocument> documents() {
        return List.copyOf(documents.values());
    }

    /** How many documents are registered. */
    public synchronized int size() {
        return documents.size();
    }

    /** Removes the document with {@code id}; returns whether there was one. */
    public synchronized boolean remove(String id) {
        if (documents.remove(id) == null) {
            return false;
        }
        if (embeddings == null) {
            if (writer != null) {
                try {
                    writer.deleteDocuments(new Term("id", id));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not remove document " + id, e);
                }
                commit();
            }
        } else {
            passages.removeIf(p -> p.documentId().equals(id));
        }
        return true;
    }

    /**
     * The passages that best match {@code query}, best first, at most {@code maxResults}.
     *
     * @throws IllegalArgumentException if {@code maxResults} is not positive
     */
    public List<DocumentHit> search(String query, int maxResults) {
        return search(query, maxResults, null);
    }

    /**
     * The passages of the documents {@code onlyIds} names (every document when null) that best match {@code query},
     * best first, at most {@code maxResults}. The restriction applies before ranking, so a named document that ranks
     * low among all documents is still found.
     *
     * @throws IllegalArgumentException if {@code maxResults} is not positive
     */
    public List<DocumentHit> search(String query, int maxResults, Set<String> onlyIds) {
        Objects.requireNonNull(query, "query must not be null");
        Checks.atLeast(maxResults, 1, "maxResults");
        if (query.isBlank()) {
            return List.of();
        }
        if (embeddings != null) {
            Embedding q = embeddings.embed(query).content();
            List<Passage> snapshot;
            synchronized (this) {
                snapshot = List.copyOf(passages);
            }
            return snapshot.stream().filter(p -> onlyIds == null || onlyIds.contains(p.documentId()))
                    .map(p -> new DocumentHit(p.documentId(), p.name(), p.text(),
                            CosineSimilarity.between(q, p.embedding())))
                    .sorted(Comparator.comparingDouble(DocumentHit::score).reversed())
                    .limit(maxResults).toList();
        }
        synchronized (this) {
            if (writer == null) {
                return List.of(); // no document was ever added
            }
            Query parsed;
            try {
                parsed = new QueryParser("text", analyzer).parse(QueryParser.escape(query));
            } catch (ParseException e) {
                return List.of();
            }
            if (onlyIds != null) {
                if (onlyIds.isEmpty()) {
                    return List.of();
                }
                BooleanQuery.Builder ids = new BooleanQuery.Builder();
                onlyIds.forEach(id -> ids.add(new TermQuery(new Term("id", id)), BooleanClause.Occur.SHOULD));
                parsed = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST)
                        .add(ids.build(), BooleanClause.Occur.FILTER).build();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<DocumentHit> hits = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(parsed, maxResults).scoreDocs) {
                    Document d = searcher.storedFields().document(sd.doc);
                    hits.add(new DocumentHit(d.get("id"), d.get("name"), d.get("text"), sd.score));
                }
                return hits;
            } catch (org.apache.lucene.index.IndexNotFoundException e) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException("could not search the documents", e);
            }
        }
    }

    private void commit() {
        if (writer == null) {
            return;
        }
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit the document index", e);
        }
    }

    /** Splits a text into passages of about {@link #PASSAGE_CHARS} characters at paragraph or sentence ends. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : text.split("(?<=\\n\\n)|(?<=[.!?]\\s)")) {
            if (current.length() > 0 && current.length() + piece.length() > PASSAGE_CHARS) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(piece);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the document index", e);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "DocumentStore{" + documents.size() + " documents, " + (embeddings == null ? "lexical" : "semantic")
                + "}";
    }
}
