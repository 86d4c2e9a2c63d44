package aegis.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked module: a stdlib module, or a module file brought in with {@code import "x.aegis" as x}.
 * Its members are what {@code x.name} can reach; {@link #declarations()} lists them for
 * {@code aegis doc} and completion.
 */
public final class ModuleInfo {
  /** Where a module comes from. */
  public enum Origin { STDLIB, FILE }

  private final String name;
  private final Origin origin;
  private final String doc;
  private Map<String, Symbol> members = Map.of();
  private CheckedProgram program;

  ModuleInfo(String name, Origin origin, String doc) {
    this.name = name;
    this.origin = origin;
    this.doc = doc;
  }

  /** The module's declared name ({@code module k8s}). */
  public String name() { return name; }

  public Origin origin() { return origin; }

  /** The {@code ///} documentation of the module header, or null. */
  public String doc() { return doc; }

  /** The checked file the module was declared in (its diagnostics, types, symbols). */
  public CheckedProgram program() { return program; }

  /** The member called {@code memberName} (record, enum, function or constant), or null. */
  public Symbol member(String memberName) { return members.get(memberName); }

  /** Every member, in declaration order. */
  public List<Symbol> declarations() { return List.copyOf(members.values()); }

  /** The functions of this module, in declaration order. */
  public List<Symbol> functions() {
    var out = new ArrayList<Symbol>();
    for (var s : members.values()) if (s.isFunction()) out.add(s);
    return out;
  }

  void complete(Map<String, Symbol> declared, CheckedProgram checked) {
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
    this.program = checked;
  }

  @Override
  public String toString() { return "module " + name; }
}
