package aegis.adapters.notify;

import java.util.List;

/** A plain-text mail to one or more recipients. */
public record Mail(List<String> to, String subject, String body) {
  public Mail { to = List.copyOf(to); }
}
