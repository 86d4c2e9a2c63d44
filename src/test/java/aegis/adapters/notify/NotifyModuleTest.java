package aegis.adapters.notify;

import static aegis.adapters.notify.NotifyValues.envCredential;
import static aegis.adapters.notify.NotifyValues.environment;
import static aegis.adapters.notify.NotifyValues.list;
import static aegis.adapters.notify.NotifyValues.severity;
import static aegis.adapters.notify.NotifyValues.slack;
import static aegis.adapters.notify.NotifyValues.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.CallContext;
import aegis.eval.Value;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notify module against a real SMTP server (GreenMail) and a Slack-style webhook over HTTP. */
class NotifyModuleTest {
  private static final String SMTP_PASSWORD = "smtp-canary-pw-4e1d";
  private static final String HOOK_PATH = "/services/T0001/B0001/canaryHookToken9f2";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("aegis@aegisshield.com", "aegis", SMTP_PASSWORD));

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookFixture hook;
  private Map<String, String> environmentVariables;
  private NotifyModule notify;
  private final TestCallContext ctx = TestCallContext.apply();

  @BeforeEach
  void start() throws Exception {
    hook = new WebhookFixture();
    environmentVariables = NotifyValues.secrets("SMTP_PASSWORD", SMTP_PASSWORD, "SLACK_WEBHOOK", hook.url(HOOK_PATH),
        "WRONG_PASSWORD", "not-the-password", "BAD_HOOK", "hooks.slack.com/services/canary-no-scheme");
    notify = new NotifyModule(this::resolve);
  }

  @AfterEach
  void stop() { hook.close(); }

  private String resolve(Value.Rec credential, CallContext ctx) {
    var name = ((Value.Str) credential.get("envVar")).value();
    var value = environmentVariables.get(name);
    if (value == null) throw new AdapterException("credentials", "the environment variable " + name + " is not set");
    ctx.registerSecret(value);
    return value;
  }

  private static int port() { return MAIL.getSmtp().getPort(); }

  private static Value.Rec plainSmtp() { return smtp(port(), null, Value.Null.INSTANCE, false); }

  private static Args args(String function, Value... values) { return new Args(function, List.of(values)); }

  private static Value str(String s) { return new Value.Str(s); }

  @Test
  void implementsExactlyTheStdlibDeclarationsWithAPreviewForEveryWrite() throws Exception {
    StdlibExterns.assertBound(new NotifyModule((credential, context) -> ""));
  }

  @Test
  void mailIsDeliveredToEveryRecipient() throws Exception {
    notify.mail(ctx, args("mail", plainSmtp(), list("devops@aegisshield.com", "security@aegisshield.com"),
        str("Déploiement terminé"), str("All five services are running.\nVersion 1.4.2")));
    var received = MAIL.getReceivedMessages();
    assertEquals(2, received.length, "one delivery per recipient");
    var message = (MimeMessage) received[0];
    assertEquals("Déploiement terminé", message.getSubject());
    assertEquals("aegis@aegisshield.com", message.getFrom()[0].toString());
    assertEquals(List.of("devops@aegisshield.com", "security@aegisshield.com"),
        Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
    assertEquals("All five services are running.\r\nVersion 1.4.2", GreenMailUtil.getBody(message).strip());
    assertEquals(List.of("mailed devops@aegisshield.com, security@aegisshield.com: Déploiement terminé"), ctx.progressLines());
  }

  @Test
  void mailLogsInWithThePasswordCredential() throws Exception {
    var smtp = smtp(port(), "aegis", envCredential("SMTP_PASSWORD"), false);
    notify.mail(ctx, args("mail", smtp, list("oncall@aegisshield.com"), str("auth"), str("body")));
    assertEquals(1, MAIL.getReceivedMessages().length);
    assertTrue(ctx.secrets().contains(SMTP_PASSWORD));

    var wrong = smtp(port(), "aegis", envCredential("WRONG_PASSWORD"), false);
    var e = assertThrows(AdapterException.class,
        () -> notify.mail(ctx, args("mail", wrong, list("oncall@aegisshield.com"), str("auth"), str("body"))));
    assertEquals("the SMTP relay 127.0.0.1:" + port() + " refused the login of `aegis`: check the user and its password credential",
        e.getMessage());
  }

  @Test
  void aRelayWithoutStartTlsIsRefusedWhenStartTlsIsRequired() {
    var requiring = smtp(port(), null, Value.Null.INSTANCE, true);
    var e = assertThrows(AdapterException.class,
        () -> notify.mail(ctx, args("mail", requiring, list("a@aegisshield.com"), str("s"), str("b"))));
    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertEquals(0, MAIL.getReceivedMessages().length, "nothing goes out in the clear");
  }

  @Test
  void badAddressesAndUnreachableRelaysAreNamed() throws Exception {
    var bad = assertThrows(AdapterException.class,
        () -> notify.mail(ctx, args("mail", plainSmtp(), list("devops at aegisshield"), str("s"), str("b"))));
    assertEquals("`devops at aegisshield` is not a mail address", bad.getMessage());
    var none = assertThrows(AdapterException.class, () -> notify.mail(ctx, args("mail", plainSmtp(), list(), str("s"), str("b"))));
    assertEquals("the mail \"s\" has no recipients", none.getMessage());

    int closed;
    try (var socket = new ServerSocket(0)) { closed = socket.getLocalPort(); }
    var down = smtp(closed, null, Value.Null.INSTANCE, false);
    var e = assertThrows(AdapterException.class, () -> notify.mail(ctx, args("mail", down, list("a@b.c"), str("s"), str("b"))));
    assertEquals("cannot reach the SMTP relay 127.0.0.1:" + closed + " (connection refused)", e.getMessage());
  }

  @Test
  void slackPostsJsonWithChannelAndText() throws Exception {
    notify.slack(ctx, args("slack", slack("SLACK_WEBHOOK"), str("#aegisshield-production"), str("Deployed *1.4.2*")));
    assertEquals(1, hook.posts.size());
    var post = hook.posts.getFirst();
    assertEquals(HOOK_PATH, post.path());
    assertEquals("application/json", post.contentType());
    assertEquals(JSON.readTree("{\"channel\":\"#aegisshield-production\",\"text\":\"Deployed *1.4.2*\"}"), JSON.readTree(post.body()));
    assertTrue(ctx.secrets().contains(hook.url(HOOK_PATH)), "the webhook URL is registered as a secret");
  }

  @Test
  void aWebhookRefusalIsReportedWithItsReasonButNotItsUrl() {
    hook.answer(404, "channel_not_found");
    var e = assertThrows(AdapterException.class,
        () -> notify.slack(ctx, args("slack", slack("SLACK_WEBHOOK"), str("#nowhere"), str("hello"))));
    assertEquals("posting to #nowhere through the Slack webhook from environment variable SLACK_WEBHOOK failed:"
        + " the webhook answered HTTP 404: channel_not_found", e.getMessage());

    var malformed = assertThrows(AdapterException.class,
        () -> notify.slack(ctx, args("slack", slack("BAD_HOOK"), str("#x"), str("hello"))));
    assertTrue(malformed.getMessage().endsWith("the webhook URL is not an http:// or https:// URL"), malformed.getMessage());
    assertFalse(malformed.getMessage().contains("canary"), malformed.getMessage());
  }

  @Test
  void criticalEscalationMailsContactsPostsAndPagesProduction() throws Exception {
    var env = environment(plainSmtp(), slack("SLACK_WEBHOOK"));
    notify.escalate(ctx, args("escalate", env, severity("Critical"), str("api-gateway down"), str("All 3 pods crash-looping.")));

    var mails = MAIL.getReceivedMessages();
    assertEquals(2, mails.length);
    assertEquals("[P0 Critical] api-gateway down", mails[0].getSubject());
    var body = (String) mails[0].getContent();
    assertTrue(body.contains("Severity Critical (P0): respond within 15m"), body);
    assertTrue(body.contains("Escalation path: On-call → Team Lead → Manager"), body);
    assertTrue(body.contains("On-call: +1-800-AEGIS-OPS"), body);

    assertEquals(2, hook.posts.size());
    var oncall = JSON.readTree(hook.posts.get(0).body());
    assertEquals("#aegisshield-oncall", oncall.get("channel").asText());
    assertTrue(oncall.get("text").asText().startsWith("*[P0 Critical] api-gateway down* (production)\nAll 3 pods crash-looping."));
    var page = JSON.readTree(hook.posts.get(1).body());
    assertEquals("#aegisshield-production", page.get("channel").asText());
    assertTrue(page.get("text").asText().startsWith("<!here> on-call page:"), page.get("text").asText());
  }

  @Test
  void lowSeverityHasNoMailWithoutContactsAndNoPage() throws Exception {
    var env = environment(plainSmtp(), slack("SLACK_WEBHOOK"));
    notify.escalate(ctx, args("escalate", env, severity("Low"), str("certificate renews in 25 days"), str("Renewal is automatic.")));
    assertEquals(0, MAIL.getReceivedMessages().length);
    assertEquals(1, hook.posts.size());
    var text = JSON.readTree(hook.posts.getFirst().body()).get("text").asText();
    assertTrue(text.contains("Severity Low (P3): respond within 1d, during business hours"), text);
  }

  @Test
  void aFailedChannelFailsTheEscalationSayingWhatWasSent() {
    hook.answer(500, "internal_error");
    var env = environment(plainSmtp(), slack("SLACK_WEBHOOK"));
    var e = assertThrows(AdapterException.class,
        () -> notify.escalate(ctx, args("escalate", env, severity("High"), str("error rate 2%"), str("5xx above 0.1%."))));
    assertTrue(e.getMessage().startsWith("escalating \"error rate 2%\" (High) partly failed; mailed devops@aegisshield.com; posting to"),
        e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 500: internal_error"), e.getMessage());
    assertEquals(1, MAIL.getReceivedMessages().length, "the mail went out before the post failed");
  }

  @Test
  void plansListEveryNoticeAndSendNothing() throws Exception {
    var plan = TestCallContext.plan();
    var env = environment(plainSmtp(), slack("SLACK_WEBHOOK"));
    var escalation = notify.planEscalate(plan, args("escalate", env, severity("Critical"), str("db down"), str("PostgreSQL refuses connections.")));
    assertEquals("send", escalation.operation());
    assertEquals("escalation production", escalation.target());
    assertEquals("Critical (P0): mail devops@aegisshield.com, engineering-manager@aegisshield.com; post to #aegisshield-oncall;"
        + " page @here in #aegisshield-production", escalation.description());
    var notices = escalation.desired().get("notices");
    assertEquals(3, notices.size());
    assertEquals("[P0 Critical] db down", notices.get(0).get("subject").asText());

    var mail = notify.planMail(plan, args("mail", plainSmtp(), list("a@aegisshield.com"), str("subject"),
        new Value.Unknown("result of k8s.rolloutStatus")));
    assertEquals("mail \"subject\" to a@aegisshield.com", mail.description());
    assertEquals(aegis.plan.PlanValues.UNKNOWN_TEXT, mail.desired().get("body").asText());

    var post = notify.planSlack(plan, args("slack", slack("SLACK_WEBHOOK"), str("#aegisshield-alerts"), str("line one\nline two")));
    assertEquals("post to #aegisshield-alerts: line one", post.description());
    assertFalse(post.toString().contains("canaryHookToken"), "the plan never shows the webhook URL");

    assertEquals(0, MAIL.getReceivedMessages().length);
    assertTrue(hook.posts.isEmpty());
    assertTrue(plan.secrets().isEmpty(), "planning resolves no credential");
  }

  @Test
  void noCredentialLeaksIntoMessagesOrProgress() {
    var failures = new ArrayList<String>();
    hook.answer(403, "invalid_token " + HOOK_PATH);
    for (var call : List.<Runnable>of(
        () -> notify.slack(ctx, args("slack", slack("SLACK_WEBHOOK"), str("#x"), str("t"))),
        () -> notify.mail(ctx, args("mail", smtp(port(), "aegis", envCredential("WRONG_PASSWORD"), false), list("a@b.c"), str("s"), str("b"))),
        () -> notify.escalate(ctx, args("escalate", environment(smtp(port(), "aegis", envCredential("SMTP_PASSWORD"), false),
            slack("SLACK_WEBHOOK")), severity("Critical"), str("s"), str("b"))))) {
      try {
        call.run();
      } catch (AdapterException e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(3, failures.size());
    failures.addAll(ctx.progressLines());
    for (var text : failures) {
      assertFalse(text.contains("canaryHookToken"), text);
      assertFalse(text.contains(SMTP_PASSWORD), text);
      assertFalse(text.contains("not-the-password"), text);
    }
  }
}
