package aegis.syntax.antlr;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every parse-tree node of the generated parser ({@code contextSuperClass} in
 * {@code Aegis.g4}). ANTLR gives each node's children a default {@link ArrayList}, which grows to
 * ten slots at the first child; most nodes have one to three, and that growth was about 8% of the
 * time of a parse. Not for use outside {@code aegis.syntax}.
 */
public class AegisRuleContext extends ParserRuleContext {
  /** Slots for a node's first children: a binary expression has three, most nodes fewer. */
  private static final int FIRST_CHILDREN = 4;

  public AegisRuleContext() {}

  public AegisRuleContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) children = new ArrayList<>(FIRST_CHILDREN);
    children.add(t);
    return t;
  }
}
