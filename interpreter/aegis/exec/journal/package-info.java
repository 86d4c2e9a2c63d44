/**
 * The run journal: what every run did, on disk, append-only.
 *
 * <ul>
 *   <li>{@link aegis.exec.journal.AegisHome} — where state lives ({@code $AEGIS_HOME}, default
 *       {@code ./.aegis}).
 *   <li>{@link aegis.exec.journal.RunStore} — creates runs ({@code runs/<id>/journal.jsonl}),
 *       reopens them to resume, lists them, reads them, and says which steps completed.
 *   <li>{@link aegis.exec.journal.JournalRecord} — the records (a sealed interface of records);
 *       {@link aegis.exec.journal.JournalCodec} — their JSON form.
 *   <li>{@link aegis.exec.journal.JournalWriter} — appends one line per record and forces it to
 *       disk before returning, redacting the run's secrets
 *       ({@link aegis.exec.journal.SecretRegistry}) from every string.
 *   <li>{@link aegis.exec.journal.JournalReader} — reads up to the last whole record; a torn
 *       last line (a crash mid-append) is flagged, not an error.
 *   <li>{@link aegis.exec.journal.JournalText} — the text of {@code aegis runs}.
 * </ul>
 *
 * The environment lock that keeps two runs apart is in {@code aegis.exec.lock}.
 */
package aegis.exec.journal;
