package aegis.adapters.template;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.eval.Value;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.FatalTemplateErrorsException;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stdlib/template.aegis}: Jinja templates rendered by Jinjava in strict mode, so an unknown
 * variable is an error with the template's line and column instead of an empty string in a manifest.
 */
public final class TemplateModule implements BuiltinModule {
  /** Made on first render: Jinjava's set-up costs a cold process a few hundred milliseconds, and most runs render nothing. */
  private static final class Engine {
    static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
  }

  @Override
  public String name() { return "template"; }

  @Extern("render")
  public Value render(CallContext ctx, Args a) {
    String path = a.string(0);
    String text;
    try {
      text = ctx.readSource(path);
    } catch (IOException e) {
      throw new AdapterException("template", "cannot read template " + path + ": " + e.getMessage());
    }
    var context = new LinkedHashMap<String, Object>();
    a.record(1).fields().forEach((k, v) -> context.put(k, plain(v)));
    try {
      var result = Engine.JINJAVA.renderForResult(text, context);
      if (!result.getErrors().isEmpty()) throw new AdapterException("template", describe(path, result.getErrors()));
      return new Value.Str(result.getOutput());
    } catch (FatalTemplateErrorsException e) {
      var errors = new ArrayList<TemplateError>();
      e.getErrors().forEach(errors::add);
      throw new AdapterException("template", describe(path, errors));
    }
  }

  private static String describe(String path, List<TemplateError> errors) {
    var first = errors.getFirst();
    String where = path + ":" + first.getLineno() + (first.getStartPosition() > 0 ? ":" + first.getStartPosition() : "");
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return where + ": " + first.getMessage() + more;
  }

  /** Values as the plain Java objects Jinjava reads; secrets never reach a template. */
  static Object plain(Value v) {
    return switch (v) {
      case Value.Int i -> i.value();
      case Value.Float f -> f.value();
      case Value.Bool b -> b.value();
      case Value.Str s -> s.value();
      case Value.Dur d -> d.show();
      case Value.Qty q -> q.text();
      case Value.EnumV e -> e.member();
      case Value.Null n -> null;
      case Value.Secret s -> "(sensitive)";
      case Value.Unknown u -> "(known after apply)";
      case Value.Fn f -> f.show();
      case Value.ListV l -> l.items().stream().map(TemplateModule::plain).toList();
      case Value.MapV m -> {
        var out = new LinkedHashMap<String, Object>();
        m.entries().forEach((k, x) -> out.put(k, plain(x)));
        yield out;
      }
      case Value.Rec r -> {
        Map<String, Object> out = new LinkedHashMap<>();
        r.fields().forEach((k, x) -> out.put(k, plain(x)));
        yield out;
      }
    };
  }
}
