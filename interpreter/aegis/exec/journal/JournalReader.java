package aegis.exec.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal file. A record is whole when its line ends with a newline and holds one JSON
 * value; reading stops at the first line that is not whole, so a journal torn by a crash in the
 * middle of an append is read up to its last whole record and flagged ({@link Journal#torn()}).
 * Records of unknown types are kept ({@link JournalRecord.Unknown}), never an error.
 */
public final class JournalReader {
  private static final ObjectReader LINE =
      JournalCodec.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JournalReader() {}

  /** Reads {@code file}, the journal of run {@code runId}. */
  public static Journal read(RunId runId, Path file) throws IOException {
    return parse(runId, Files.readAllBytes(file));
  }

  /** Parses the bytes of a journal file. */
  public static Journal parse(RunId runId, byte[] bytes) {
    List<JournalRecord> records = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int newline = indexOf(bytes, (byte) '\n', start);
      if (newline < 0) return new Journal(runId, records, start, bytes.length, true);
      JsonNode node = parseLine(bytes, start, newline - start);
      if (node == null) return new Journal(runId, records, start, bytes.length, false);
      records.add(JournalCodec.decode(node));
      start = newline + 1;
    }
    return new Journal(runId, records, start, bytes.length, false);
  }

  private static JsonNode parseLine(byte[] bytes, int offset, int length) {
    try {
      JsonNode node = LINE.readTree(bytes, offset, length);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) return i;
    }
    return -1;
  }
}
