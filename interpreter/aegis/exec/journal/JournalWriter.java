package aegis.exec.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends records to one run's journal: one JSON object per line, each line written and forced to
 * disk before {@link #append} returns. Obtain one from {@link RunStore#create} or
 * {@link RunStore#reopen}; use one writer per run (the environment lock keeps other processes
 * out). Thread-safe: steps running in parallel may append concurrently; lines never interleave.
 *
 * <p>Every string in a record, and every key of its JSON members, passes through the run's
 * {@link SecretRegistry} on the way to disk, except the members that aegis itself generates from
 * typed values ({@link #GENERATED}: timestamps, ids, enums, hashes), which cannot carry a secret
 * and must stay intact for the journal to remain readable and resumable.
 */
public final class JournalWriter implements Closeable {
  /** Top-level members never redacted: aegis writes them from typed values, not from user data. */
  static final Set<String> GENERATED =
      Set.of("type", "at", "schema", "runId", "sha256", "gitCommit", "planHash", "outcome", "effect", "kind");

  private final FileChannel channel;
  private final SecretRegistry secrets;
  private final long discardedBytes;
  // A ReentrantLock rather than `synchronized`: appends block in force(), and on Java 21 a
  // virtual thread blocking inside a synchronized block would pin its carrier thread.
  private final ReentrantLock lock = new ReentrantLock();

  JournalWriter(Path file, SecretRegistry secrets, boolean createNew, long discardedBytes) throws IOException {
    this.channel = createNew
        ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
        : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.secrets = secrets;
    this.discardedBytes = discardedBytes;
  }

  /**
   * How many bytes of a torn last record {@link RunStore#reopen} cut off before appending
   * (0 for a new journal or one that ended cleanly). Record it in the {@code RunResumed}.
   */
  public long discardedBytes() { return discardedBytes; }

  /** Appends {@code record} and returns once it is on disk. */
  public void append(JournalRecord record) throws IOException {
    ByteBuffer line = ByteBuffer.wrap(serialize(record));
    lock.lock();
    try {
      while (line.hasRemaining()) channel.write(line);
      // Forced per record so that a crash (of the process or the machine) loses at most the
      // record being written: everything appended before it is what resume trusts. force(false)
      // is fdatasync: it skips timestamps but still syncs the file length, which an append needs.
      channel.force(false);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      channel.close();
    } finally {
      lock.unlock();
    }
  }

  private byte[] serialize(JournalRecord record) throws JsonProcessingException {
    ObjectNode encoded = JournalCodec.encode(record);
    ObjectNode redacted = encoded.objectNode();
    for (Map.Entry<String, JsonNode> member : encoded.properties()) {
      boolean generated = GENERATED.contains(member.getKey());
      redacted.set(member.getKey(), generated ? member.getValue() : secrets.redact(member.getValue()));
    }
    // Compact output never contains a raw newline (Jackson escapes them inside strings), so one
    // record is exactly one line.
    byte[] json = JournalCodec.JSON.writeValueAsBytes(redacted);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }
}
