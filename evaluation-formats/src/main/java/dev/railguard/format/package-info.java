/**
 * Every JSON shape Railguard reads or writes at its edges, and the only package that names their keys.
 *
 * <ul>
 *   <li>{@link dev.railguard.format.DeepRailsCodec}: the one codec of DeepRails events (batch lines, Spark rows,
 *       workflow and monitor bodies, stored events); {@link dev.railguard.format.DeepRailsEntry} says which keys each
 *       entry takes, {@link dev.railguard.format.DeepRailsEvent} is what it reads, and a refusal is a
 *       {@link dev.railguard.format.BadEventException} carrying the id the codec could read.</li>
 *   <li>{@link dev.railguard.format.ResultLine}: one line of {@code results.jsonl}, with {@code write} and
 *       {@code read}.</li>
 *   <li>Agno's eval-run shapes: the request body ({@link dev.railguard.format.AgnoEvalRunBody}), the record
 *       {@code /eval-runs} answers ({@link dev.railguard.format.AgnoEvalRun}, {@code read} and {@code write}) and its
 *       {@code eval_input} per eval type ({@link dev.railguard.format.AgnoEvalInput});
 *       {@link dev.railguard.format.AgnoField} spells their keys for code outside this package.</li>
 *   <li>{@link dev.railguard.format.PromptSections}: a request's DeepRails fields as the labelled sections a judge
 *       reads, labelled with the field's key.</li>
 * </ul>
 *
 * <p><b>Rules of reading</b> (one strict reader, {@code internal.StrictJson}): bad JSON, trailing tokens, a duplicate
 * key, a lone surrogate or NUL in any text, a key the entry does not take and a value of the wrong type are each an
 * {@link java.lang.IllegalArgumentException} of the form {@code "<json path> must be <what is allowed>, but was:
 * <type> <value>"} or {@code "unknown field '<json path>'; the fields allowed here are [...]"}. Absent and JSON
 * {@code null} mean the same.
 *
 * <p><b>Adding a field to the DeepRails event</b> (one place): add a constant to {@code internal.EventFields} with its
 * key, the entries that take it, its reader (into {@code EventDraft}) and its writer; if it carries new data, add the
 * component to {@link dev.railguard.format.DeepRailsEvent} and the matching field to {@code EventDraft}. A field of
 * {@code model_input} goes into {@code internal.ModelInputFields} ({@code KEYS}, {@code read}, {@code write}). Then add
 * a row to the shared bad-input table ({@code BadEventCases.CASES}, in the test jar), which every entry's suite runs;
 * a rule of Agno's shapes adds a row to its sibling, {@code BadEvalRunCases}. A
 * field of a results line goes into {@link dev.railguard.format.ResultLine} and {@code internal.ResultLineJson}.
 *
 * <p>No Jackson type appears in this package's public signatures: entry points take and return {@code String}s and
 * Railguard's own types.
 */
package dev.railguard.format;
