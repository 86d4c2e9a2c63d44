package aegis.exec.lock;

import aegis.exec.journal.Identity;
import aegis.exec.journal.JournalCodec;
import aegis.exec.journal.RunId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * Who holds an environment's lock: the content of {@code locks/<env>.lock}, e.g.
 * {@code {"runId":"20261127T091500Z-4f3a","user":"alice","host":"ops-1","pid":4242,"startedAt":"2026-11-27T09:15:00Z"}}.
 *
 * @param startedAt when this holder acquired the lock
 */
public record LockHolder(RunId runId, String user, String host, long pid, Instant startedAt) {

  /** The holder {@code who} running {@code runId}, from {@code startedAt}. */
  public static LockHolder of(RunId runId, Identity who, Instant startedAt) {
    return new LockHolder(runId, who.user(), who.host(), who.pid(), startedAt);
  }

  /** Whether this holder is the process {@code who} (same host and pid). */
  public boolean isProcess(Identity who) {
    return host.equals(who.host()) && pid == who.pid();
  }

  /** E.g. {@code run 20261127T091500Z-4f3a (user alice on host ops-1, pid 4242, since 2026-11-27T09:15:00Z)}. */
  public String describe() {
    return "run " + runId + " (user " + user + " on host " + host + ", pid " + pid + ", since " + startedAt + ")";
  }

  byte[] toJson() throws IOException {
    ObjectNode o = JournalCodec.JSON.createObjectNode();
    o.put("runId", runId.value());
    o.put("user", user);
    o.put("host", host);
    o.put("pid", pid);
    o.put("startedAt", startedAt.toString());
    return JournalCodec.JSON.writeValueAsBytes(o);
  }

  /** @throws IOException if {@code json} is not a lock holder */
  static LockHolder fromJson(byte[] json) throws IOException {
    try {
      JsonNode o = JournalCodec.JSON.readTree(json);
      return new LockHolder(new RunId(o.get("runId").asText()), o.get("user").asText(), o.get("host").asText(),
          o.get("pid").asLong(), Instant.parse(o.get("startedAt").asText()));
    } catch (RuntimeException e) {
      throw new IOException("not a lock holder: " + e.getMessage(), e);
    }
  }
}
