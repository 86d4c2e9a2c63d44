package aegis.adapters.http;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.HomePaths;
import aegis.adapters.CallContext;
import aegis.adapters.Deadlines;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code http} module of {@code stdlib/http.aegis}, bound to one {@link HttpAdapter} per run.
 * Timeouts never outlast the current step's deadline ({@link Deadlines}).
 */
public final class HttpModule implements BuiltinModule {
  private static final String RESOURCE = "http.adapter";

  @Override
  public String name() {
    return "http";
  }

  @Extern("get")
  public Value get(CallContext ctx, Args args) {
    return response(adapter(ctx).get(args.string(0), headers(args.map(1)), Deadlines.timeLeft(ctx, args.duration(2), "http")));
  }

  @Extern("head")
  public Value head(CallContext ctx, Args args) {
    return response(adapter(ctx).head(args.string(0), headers(args.map(1)), Deadlines.timeLeft(ctx, args.duration(2), "http")));
  }

  @Extern("post")
  public Value post(CallContext ctx, Args args) {
    return response(adapter(ctx).post(args.string(0), headers(args.map(2)), args.string(1), Deadlines.timeLeft(ctx, args.duration(3), "http")));
  }

  /** The plan shows the method, the URL, the header names (never their values) and the body's size. */
  @PlanFor("post")
  public ActionPreview planPost(CallContext ctx, Args args) {
    String url = args.string(0);
    var names = new TreeMap<String, Value>(String.CASE_INSENSITIVE_ORDER);
    names.putAll(args.map(2));
    int bytes = args.string(1).getBytes(StandardCharsets.UTF_8).length;
    ObjectNode desired = JsonNodeFactory.instance.objectNode().put("method", "POST").put("url", url);
    names.keySet().forEach(desired.putArray("headers")::add);
    desired.put("bodyBytes", bytes);
    String headerText = names.isEmpty() ? "no headers" : "headers " + String.join(", ", names.keySet());
    return new ActionPreview("http " + url, "POST", "POST " + url + " (" + headerText + "; body " + bytes + " bytes)", null, desired);
  }

  @Extern("tlsCertificate")
  public Value tlsCertificate(CallContext ctx, Args args) {
    String host = args.string(0);
    int port = (int) args.integer(1);
    TlsResult r = adapter(ctx).tlsCertificate(host, port, Deadlines.timeLeft(ctx, args.duration(2), "http"));
    if (r.failed()) throw new AdapterException("http", "TLS certificate of " + host + ":" + port + ": " + r.error().message());
    TlsCertificate c = r.certificate();
    var fields = new LinkedHashMap<String, Value>();
    fields.put("host", new Value.Str(host));
    fields.put("port", new Value.Int(port));
    fields.put("subject", new Value.Str(c.subject()));
    fields.put("issuer", new Value.Str(c.issuer()));
    fields.put("notBefore", new Value.Str(c.notBefore().toString()));
    fields.put("notAfter", new Value.Str(c.notAfter().toString()));
    fields.put("daysLeft", new Value.Int(c.daysLeft()));
    fields.put("subjectAltNames", new Value.ListV(c.subjectAltNames().stream().<Value>map(Value.Str::new).toList()));
    fields.put("serialNumber", new Value.Str(c.serialNumber()));
    fields.put("fingerprint", new Value.Str(c.sha256Fingerprint()));
    fields.put("trusted", Value.Bool.of(r.trusted()));
    fields.put("trustProblem", r.trustProblem() == null ? Value.Null.INSTANCE : new Value.Str(r.trustProblem()));
    fields.put("hostnameMatches", Value.Bool.of(r.hostnameMatches()));
    fields.put("protocol", new Value.Str(r.protocol()));
    return new Value.Rec("http.Certificate", fields);
  }

  private static HttpAdapter adapter(CallContext ctx) {
    return ctx.resource(RESOURCE, () -> new HttpAdapter(HttpAdapter.Options.defaults().withTrustedCerts(trustedCa(ctx))));
  }

  /** The certificates of the environment's {@code trustedCa} file, trusted besides the JDK's roots; none when it names none. */
  private static List<X509Certificate> trustedCa(CallContext ctx) {
    Value.Rec env = ctx.environment();
    if (env == null || !(env.get("trustedCa") instanceof Value.Str file)) return List.of();
    Path path = HomePaths.expand(file.value());
    try (var in = Files.newInputStream(path)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream().map(X509Certificate.class::cast).toList();
    } catch (IOException | CertificateException e) {
      throw new AdapterException("http", "the environment's trustedCa " + path + " cannot be read as PEM certificates: " + e.getMessage());
    }
  }

  private static Map<String, String> headers(Map<String, Value> values) {
    var headers = new LinkedHashMap<String, String>();
    values.forEach((name, value) -> headers.put(name, switch (value) {
      case Value.Secret s -> s.reveal();
      case Value.Str s -> s.value();
      default -> value.show();
    }));
    return headers;
  }

  private static Value response(HttpResult r) {
    var headers = new LinkedHashMap<String, Value>();
    r.headers().forEach((name, values) -> headers.put(name, new Value.Str(values.isEmpty() ? "" : values.getFirst())));
    var fields = new LinkedHashMap<String, Value>();
    fields.put("method", new Value.Str(r.method()));
    fields.put("url", new Value.Str(r.url()));
    fields.put("status", new Value.Int(r.status()));
    fields.put("headers", new Value.MapV(headers));
    fields.put("body", new Value.Str(r.body()));
    fields.put("bodyTruncated", Value.Bool.of(r.bodyTruncated()));
    fields.put("latency", new Value.Dur(r.latency()));
    fields.put("error", r.error() == null ? Value.Null.INSTANCE : new Value.Str(r.error().message()));
    return new Value.Rec("http.Response", fields);
  }
}
