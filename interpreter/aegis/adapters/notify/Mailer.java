package aegis.adapters.notify;

import aegis.adapters.AdapterException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Sends plain-text mail through an SMTP relay with Jakarta Mail (Eclipse Angus). Failures become
 * one message naming the relay and what it refused; the password never appears in one.
 */
public final class Mailer {
  private Mailer() {}

  public static void send(MailServer server, Mail mail, Duration timeout) {
    if (mail.to().isEmpty()) throw new AdapterException("smtp", "the mail \"" + mail.subject() + "\" has no recipients");
    var recipients = new InternetAddress[mail.to().size()];
    for (int i = 0; i < recipients.length; i++) recipients[i] = address(mail.to().get(i));
    var from = address(server.from());
    var session = Session.getInstance(properties(server, timeout));
    try {
      var message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, recipients);
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.body(), "UTF-8");
      message.setSentDate(new Date());
      message.setHeader("X-Mailer", "aegis");
      try (var transport = session.getTransport(server.implicitTls() ? "smtps" : "smtp")) {
        transport.connect(server.host(), server.port(), server.user(), server.password() == null ? null : server.password().reveal());
        message.saveChanges();
        transport.sendMessage(message, recipients);
      }
    } catch (MessagingException e) {
      throw failure(server, e);
    }
  }

  private static Properties properties(MailServer server, Duration timeout) {
    var p = new Properties();
    var protocol = server.implicitTls() ? "smtps" : "smtp";
    var millis = String.valueOf(Math.max(1, timeout.toMillis()));
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", server.host());
    p.put("mail." + protocol + ".port", String.valueOf(server.port()));
    p.put("mail." + protocol + ".from", server.from());
    p.put("mail." + protocol + ".auth", String.valueOf(server.user() != null));
    p.put("mail." + protocol + ".connectiontimeout", millis);
    p.put("mail." + protocol + ".timeout", millis);
    p.put("mail." + protocol + ".writetimeout", millis);
    if (server.implicitTls()) {
      p.put("mail.smtps.ssl.checkserveridentity", "true");
    } else if (server.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    return p;
  }

  private static InternetAddress address(String text) {
    try {
      var address = new InternetAddress(text, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new AdapterException("smtp", "`" + text + "` is not a mail address");
    }
  }

  private static AdapterException failure(MailServer server, MessagingException e) {
    var relay = "the SMTP relay " + server.display();
    if (e instanceof AuthenticationFailedException) {
      return new AdapterException("smtp", relay + " refused the login of `" + server.user() + "`: check the user and its password credential");
    }
    if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
      return new AdapterException("smtp", relay + " refused the recipients " + list(s.getInvalidAddresses()) + reply(s, server));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) return new AdapterException("smtp", "cannot reach " + relay + " (connection refused)");
      if (t instanceof SocketTimeoutException) return new AdapterException("smtp", relay + " did not answer in time");
      if (t instanceof IOException io && !(t instanceof MessagingException)) {
        return new AdapterException("smtp", "cannot talk to " + relay + " (" + io.getClass().getSimpleName() + ")");
      }
    }
    return new AdapterException("smtp", relay + " refused the mail" + reply(e, server));
  }

  /** The relay's own words (e.g. "STARTTLS is required but host does not support STARTTLS"), unless they quote the password. */
  private static String reply(MessagingException e, MailServer server) {
    var text = e.getMessage();
    if (text == null || text.isBlank()) return "";
    if (server.password() != null && text.contains(server.password().reveal())) return "";
    return ": " + text.strip().replaceAll("\\s+", " ");
  }

  private static String list(Address[] addresses) {
    return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }
}
