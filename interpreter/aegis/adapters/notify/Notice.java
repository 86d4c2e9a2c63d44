package aegis.adapters.notify;

/** One notification to send: a mail or a post to a chat channel. */
public sealed interface Notice {
  record ByMail(Mail mail) implements Notice {}

  record ToChannel(String channel, String text) implements Notice {}
}
