package aegis.adapters.notify;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Deadlines;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code notify} module of the stdlib ({@code stdlib/notify.aegis}): mail over SMTP, posts to
 * a Slack-compatible webhook, and escalation along the environment's escalation matrix. All
 * writes: a plan lists every mail and post, and nothing is sent until the apply. Credentials (the
 * SMTP password, the webhook URL) are resolved only when sending.
 */
public final class NotifyModule implements BuiltinModule {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CredentialResolver credentials;

  /** @param credentials resolves {@code core.Credential} values (the run's credential source) */
  public NotifyModule(CredentialResolver credentials) { this.credentials = credentials; }

  @Override
  public String name() { return "notify"; }

  /** {@code mail(smtp, to, subject, body)}. */
  @Extern("mail")
  public Value mail(CallContext ctx, Args args) {
    var mail = new Mail(strings(args.list(1)), args.string(2), args.string(3));
    var server = server(ctx, args.record(0));
    Mailer.send(server, mail, Deadlines.timeLeft(ctx, SEND_TIMEOUT, "smtp"));
    ctx.progress("mailed " + String.join(", ", mail.to()) + ": " + mail.subject());
    return Value.Null.INSTANCE;
  }

  @PlanFor("mail")
  public ActionPreview planMail(CallContext ctx, Args args) {
    var smtp = args.record(0);
    var from = text(smtp.get("from"));
    var to = args.get(1) instanceof Value.ListV l ? l.items().stream().map(NotifyModule::text).toList() : List.of(aegis.plan.PlanValues.UNKNOWN_TEXT);
    var subject = text(args.get(2));
    var desired = NODES.objectNode().put("from", from).put("subject", subject).put("body", text(args.get(3)));
    to.forEach(desired.putArray("to")::add);
    return new ActionPreview("smtp " + text(smtp.get("host")) + ":" + smtp.get("port").show(), "send",
        "mail \"" + subject + "\" to " + String.join(", ", to), null, desired);
  }

  /** {@code slack(settings, channel, text)}. */
  @Extern("slack")
  public Value slack(CallContext ctx, Args args) {
    webhook(ctx, args.record(0)).post(args.string(1), args.string(2), Deadlines.timeLeft(ctx, SEND_TIMEOUT, "slack"));
    ctx.progress("posted to " + args.string(1));
    return Value.Null.INSTANCE;
  }

  @PlanFor("slack")
  public ActionPreview planSlack(CallContext ctx, Args args) {
    var channel = text(args.get(1));
    var message = text(args.get(2));
    return new ActionPreview("slack " + channel, "send", "post to " + channel + ": " + firstLine(message), null,
        NODES.objectNode().put("channel", channel).put("text", message));
  }

  /** {@code escalate(env, severity, subject, body)}: every notice is tried; any failure fails the call, naming what was sent. */
  @Extern("escalate")
  public Value escalate(CallContext ctx, Args args) {
    var env = args.record(0);
    var severity = severity(args.get(1));
    var notices = notices(env, severity, args.string(2), args.string(3));
    var sent = new ArrayList<String>();
    var failed = new ArrayList<String>();
    SlackWebhook webhook = null;
    for (var notice : notices) {
      try {
        switch (notice) {
          case Notice.ByMail m -> {
            Mailer.send(server(ctx, (Value.Rec) env.get("smtp")), m.mail(), Deadlines.timeLeft(ctx, SEND_TIMEOUT, "smtp"));
            sent.add("mailed " + String.join(", ", m.mail().to()));
          }
          case Notice.ToChannel c -> {
            if (webhook == null) webhook = webhook(ctx, (Value.Rec) env.get("slack"));
            webhook.post(c.channel(), c.text(), Deadlines.timeLeft(ctx, SEND_TIMEOUT, "slack"));
            sent.add("posted to " + c.channel());
          }
        }
        ctx.progress(sent.getLast());
      } catch (AdapterException e) {
        failed.add(e.getMessage());
      }
    }
    if (!failed.isEmpty()) {
      throw new AdapterException("notify", "escalating \"" + args.string(2) + "\" (" + severity.name() + ") "
          + (sent.isEmpty() ? "failed" : "partly failed; " + String.join(", ", sent)) + "; " + String.join("; ", failed));
    }
    return Value.Null.INSTANCE;
  }

  @PlanFor("escalate")
  public ActionPreview planEscalate(CallContext ctx, Args args) {
    var env = args.record(0);
    var severity = severity(args.get(1));
    var notices = notices(env, severity, text(args.get(2)), text(args.get(3)));
    var parts = new ArrayList<String>();
    var desired = NODES.arrayNode();
    for (var notice : notices) {
      switch (notice) {
        case Notice.ByMail m -> {
          parts.add("mail " + String.join(", ", m.mail().to()));
          var node = desired.addObject().put("subject", m.mail().subject()).put("body", m.mail().body());
          m.mail().to().forEach(node.putArray("to")::add);
        }
        case Notice.ToChannel c -> {
          parts.add((c.text().startsWith("<!here>") ? "page @here in " : "post to ") + c.channel());
          desired.addObject().put("channel", c.channel()).put("text", c.text());
        }
      }
    }
    return new ActionPreview("escalation " + text(env.get("name")), "send",
        severity.name() + " (" + severity.priority() + "): " + String.join("; ", parts), null, wrap(desired));
  }

  private static JsonNode wrap(JsonNode notices) {
    var node = NODES.objectNode();
    node.set("notices", notices);
    return node;
  }

  private static List<Notice> notices(Value.Rec env, Escalation.Severity severity, String subject, String body) {
    var matrix = (Value.Rec) env.get("escalation");
    var level = level((Value.Rec) matrix.get(severity.name().toLowerCase(java.util.Locale.ROOT)));
    var slack = (Value.Rec) env.get("slack");
    return Escalation.notices(text(env.get("name")), severity, level, text(matrix.get("oncallPhone")),
        text(slack.get("productionChannel")), subject, body);
  }

  private static Escalation.Level level(Value.Rec rec) {
    return new Escalation.Level(((Value.Dur) rec.get("responseTime")).value(), strings(((Value.ListV) rec.get("path")).items()),
        strings(((Value.ListV) rec.get("contacts")).items()), text(rec.get("slackChannel")),
        rec.get("page") == Value.Bool.TRUE, rec.get("businessHoursOnly") == Value.Bool.TRUE);
  }

  private static Escalation.Severity severity(Value value) {
    return Escalation.Severity.valueOf(((Value.EnumV) value).member());
  }

  private MailServer server(CallContext ctx, Value.Rec smtp) {
    var user = smtp.get("user") instanceof Value.Str u ? u.value() : null;
    Value.Secret password = null;
    if (smtp.get("password") instanceof Value.Rec credential) {
      password = new Value.Secret(credentials.resolve(credential, ctx));
      ctx.registerSecret(password.reveal());
    }
    return new MailServer(text(smtp.get("host")), (int) ((Value.Int) smtp.get("port")).value(), text(smtp.get("from")),
        smtp.get("startTls") != Value.Bool.FALSE, user, password);
  }

  private SlackWebhook webhook(CallContext ctx, Value.Rec settings) {
    var credential = (Value.Rec) settings.get("webhook");
    var url = credentials.resolve(credential, ctx);
    ctx.registerSecret(url);
    return new SlackWebhook(new Value.Secret(url), CredentialResolver.describe(credential));
  }

  private static List<String> strings(List<Value> values) {
    return values.stream().map(NotifyModule::text).toList();
  }

  /** A string value's text; what a plan cannot know yet shows as such. */
  private static String text(Value value) {
    return switch (value) {
      case Value.Str s -> s.value();
      case Value.Unknown u -> aegis.plan.PlanValues.UNKNOWN_TEXT;
      default -> value.show();
    };
  }

  private static String firstLine(String text) {
    var line = text.lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
