package aegis.adapters.k8s;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Events of a namespace, newest first, filtered by object, type and age ({@code kubectl get events}). */
public final class Events {

  /** One event ({@code k8s.Event}); {@code object} is {@code Kind/name}. */
  public record EventInfo(String type, String reason, String message, String object, int count, Instant lastSeen) {}

  private Events() {}

  /**
   * Events of {@code ns} seen since {@code now - since}; only those about {@code object} (a name,
   * or {@code Kind/name}) when it is not null; only Warnings when {@code warningsOnly}.
   */
  public static List<EventInfo> list(Kube kube, String ns, String object, boolean warningsOnly, Duration since, Instant now) {
    Instant from = now.minus(since);
    var items = kube.call("list events in " + ns, () -> kube.client().v1().events().inNamespace(ns).list().getItems());
    return items.stream()
        .filter(e -> !warningsOnly || "Warning".equals(e.getType()))
        .filter(e -> object == null || about(e, object))
        .map(Events::info)
        .filter(e -> !e.lastSeen().isBefore(from))
        .sorted(Comparator.comparing(EventInfo::lastSeen).reversed())
        .toList();
  }

  static EventInfo info(Event e) {
    var o = e.getInvolvedObject();
    String object = o == null ? "" : o.getKind() + "/" + o.getName();
    int count = e.getCount() == null ? 1 : e.getCount();
    return new EventInfo(e.getType() == null ? "Normal" : e.getType(), e.getReason() == null ? "" : e.getReason(),
        e.getMessage() == null ? "" : e.getMessage(), object, count, lastSeen(e));
  }

  /** When it last occurred: lastTimestamp, else the event series' or eventTime, else first seen, else creation. */
  static Instant lastSeen(Event e) {
    for (String t : new String[] {
        e.getLastTimestamp(),
        e.getSeries() == null || e.getSeries().getLastObservedTime() == null ? null : e.getSeries().getLastObservedTime().getTime(),
        e.getEventTime() == null ? null : e.getEventTime().getTime(),
        e.getFirstTimestamp(),
        e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp()}) {
      if (t != null && !t.isBlank()) {
        try {
          return Instant.parse(t);
        } catch (java.time.format.DateTimeParseException ignored) {
          // MicroTime with a zone offset: fall through to the next field
        }
      }
    }
    return Instant.EPOCH;
  }

  private static boolean about(Event e, String object) {
    var o = e.getInvolvedObject();
    if (o == null) return false;
    int slash = object.indexOf('/');
    if (slash < 0) return object.equals(o.getName());
    return object.substring(0, slash).equalsIgnoreCase(o.getKind()) && object.substring(slash + 1).equals(o.getName());
  }
}
