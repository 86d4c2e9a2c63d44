package aegis.types;

import aegis.syntax.Span;
import java.util.List;

/** An enum type declared with {@code enum Name { A, B }}; identity decides equality. */
public final class EnumType implements Type {
  /** A member of the enum and where it is declared. */
  public record Member(String name, Span span) {}

  private final String name;
  private final String module;
  private final String doc;
  private final Span span;
  private final List<Member> members;

  EnumType(String name, String module, String doc, Span span, List<Member> members) {
    this.name = name;
    this.module = module;
    this.doc = doc;
    this.span = span;
    this.members = List.copyOf(members);
  }

  public String name() { return name; }

  public String module() { return module; }

  public String doc() { return doc; }

  public Span span() { return span; }

  public List<Member> members() { return members; }

  /** The member called {@code memberName}, or null. */
  public Member member(String memberName) {
    for (var m : members) if (m.name().equals(memberName)) return m;
    return null;
  }

  @Override
  public String display() { return Types.qualified(module, name); }

  @Override
  public String toString() { return display(); }
}
