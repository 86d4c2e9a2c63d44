package aegis.exec;

import aegis.eval.Quantities;
import aegis.eval.Value;
import aegis.types.EnumType;
import aegis.types.Symbol;
import aegis.types.Type;
import aegis.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --set name=value} into typed runbook inputs. Every problem names the param and the
 * type it expects; the param of type {@code Environment} is given by {@code --env}, not here.
 */
public final class Inputs {
  private Inputs() {}

  /** A wrong, missing or unknown input; the message is ready to show. */
  public static final class InputException extends IllegalArgumentException {
    public InputException(String message) { super(message); }
  }

  /**
   * @param params      the runbook's params
   * @param assignments {@code name=value} strings as given
   * @param environment the environment value, bound to the param whose type is {@code Environment}
   * @param environmentVar where a Secret input may be read from: {@code name=env:VAR} reads {@code VAR}
   */
  public static Map<String, Value> parse(List<Symbol> params, List<String> assignments, Value environment,
                                         Map<String, String> environmentVar) {
    var values = overrides(params, assignments, environmentVar);
    for (var p : params) {
      if (isEnvironment(p.type())) {
        if (environment != null) values.putIfAbsent(p.name(), environment);
        else if (!values.containsKey(p.name())) throw new InputException("param `" + p.name() + "` is an Environment: give one with --env NAME");
        continue;
      }
      boolean hasDefault = p.declaration() instanceof aegis.syntax.ast.Decl.Param d && d.defaultValue() != null;
      if (!values.containsKey(p.name()) && !hasDefault && !(p.type() instanceof Type.OptionalType)) {
        throw new InputException("missing input `" + p.name() + "` (" + p.type().display() + "): pass --set "
            + p.name() + "=VALUE");
      }
    }
    return values;
  }

  /**
   * Only the inputs given with {@code --set}, typed by their params: what changes the inputs a
   * saved plan or a journal holds ({@link #fromJson}), where nothing else is required.
   */
  public static Map<String, Value> overrides(List<Symbol> params, List<String> assignments,
                                             Map<String, String> environmentVar) {
    var byName = new LinkedHashMap<String, Symbol>();
    for (var p : params) byName.put(p.name(), p);
    var values = new LinkedHashMap<String, Value>();
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) throw new InputException("--set takes name=value, got `" + a + "`");
      String name = a.substring(0, eq).strip();
      String text = a.substring(eq + 1);
      Symbol param = byName.get(name);
      if (param == null) {
        String known = byName.isEmpty() ? "it takes none" : "it takes " + String.join(", ", byName.keySet());
        throw new InputException("the runbook has no param `" + name + "`; " + known);
      }
      values.put(name, convert(param, text, environmentVar));
    }
    return values;
  }

  /**
   * Inputs as a plan or journal stored them ({@link aegis.eval.ValueJson}): non-secret values are
   * read back by their param's type; a secret was never stored and must be given again with
   * {@code --set NAME=env:VAR} (in {@code given}, which wins over the stored values).
   */
  public static Map<String, Value> fromJson(List<Symbol> params, com.fasterxml.jackson.databind.JsonNode stored,
                                            Map<String, Value> given, Value environment) {
    var values = new LinkedHashMap<String, Value>();
    for (var p : params) {
      if (given.containsKey(p.name())) {
        values.put(p.name(), given.get(p.name()));
        continue;
      }
      if (isEnvironment(p.type())) {
        values.put(p.name(), environment);
        continue;
      }
      var node = stored == null ? null : stored.get(p.name());
      if (node == null) continue;
      Type type = Types.nonNull(p.type());
      if (type == Type.SECRET) {
        throw new InputException("input `" + p.name() + "` is a Secret and was not stored: give it again with --set "
            + p.name() + "=env:VARIABLE");
      }
      values.put(p.name(), node.isNull() ? Value.Null.INSTANCE : fromJson(type, node));
    }
    return values;
  }

  private static Value fromJson(Type type, com.fasterxml.jackson.databind.JsonNode node) {
    if (type instanceof Type.ListType list) {
      var items = new ArrayList<Value>();
      node.forEach(n -> items.add(fromJson(Types.nonNull(list.element()), n)));
      return new Value.ListV(items);
    }
    if (type == Type.INT) return new Value.Int(node.asLong());
    if (type == Type.FLOAT) return new Value.Float(node.asDouble());
    if (type == Type.BOOL) return Value.Bool.of(node.asBoolean());
    return value(type, node.asText(), Map.of());
  }

  static boolean isEnvironment(Type t) {
    return Types.nonNull(t) instanceof aegis.types.RecordType r && r.name().equals("Environment");
  }

  private static Value convert(Symbol param, String text, Map<String, String> env) {
    Type type = Types.nonNull(param.type());
    try {
      return value(type, text, env);
    } catch (RuntimeException e) {
      String why = e instanceof InputException ? ": " + e.getMessage() : "";
      throw new InputException("input `" + param.name() + "` expects " + param.type().display() + ", got `"
          + (type == Type.SECRET ? "‹redacted›" : text) + "`" + why);
    }
  }

  private static Value value(Type type, String text, Map<String, String> env) {
    if (type instanceof Type.Prim prim) {
      return switch (prim) {
        case INT -> new Value.Int(Long.parseLong(text.strip().replace("_", "")));
        case FLOAT -> new Value.Float(Double.parseDouble(text.strip()));
        case BOOL -> switch (text.strip()) {
          case "true" -> Value.Bool.TRUE;
          case "false" -> Value.Bool.FALSE;
          default -> throw new InputException("write true or false");
        };
        case STRING -> new Value.Str(text);
        case DURATION -> new Value.Dur(Quantities.parseDuration(text));
        case QUANTITY -> Quantities.parseQuantity(text);
        case SECRET -> {
          if (!text.startsWith("env:")) {
            throw new InputException("give secrets as env:VARIABLE so they never appear on a command line");
          }
          String var = text.substring(4);
          String secret = env.get(var);
          if (secret == null) throw new InputException("the environment variable " + var + " is not set");
          yield new Value.Secret(secret);
        }
      };
    }
    if (type instanceof Type.ListType list) {
      var items = new ArrayList<Value>();
      if (!text.isBlank()) for (String part : text.split(",")) items.add(value(Types.nonNull(list.element()), part.strip(), env));
      return new Value.ListV(items);
    }
    if (type instanceof EnumType e) {
      String member = text.strip();
      if (e.member(member) == null) {
        throw new InputException("one of " + String.join(", ", e.members().stream().map(EnumType.Member::name).toList()));
      }
      return new Value.EnumV(e.display(), member);
    }
    throw new InputException("this type cannot be given on the command line");
  }
}
