package aegis.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.eval.Value;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BuiltinRegistry}: modules are bound on first use, and a wrong one says what is wrong when it is used. */
class BuiltinRegistryTest {
  public static final class Good implements BuiltinModule {
    @Override
    public String name() { return "good"; }

    @Extern("answer")
    public Value answer(CallContext ctx, Args args) { return new Value.Int(42); }
  }

  public static final class Broken implements BuiltinModule {
    @Override
    public String name() { return "broken"; }

    @Extern("wrong")
    public String wrong(CallContext ctx, Args args) { return "not a value"; }
  }

  @Test
  void aModuleIsBoundWhenItIsFirstUsedAndOnlyItsOwnMistakesStopIt() {
    var registry = new BuiltinRegistry(List.of(new Good(), new Broken()));
    assertEquals("good.answer", registry.find("good", "answer").orElseThrow().qualifiedName());
    assertTrue(registry.find("good", "nothing").isEmpty());
    assertTrue(registry.find("absent", "answer").isEmpty());
    var e = assertThrows(IllegalStateException.class, () -> registry.find("broken", "wrong"));
    assertTrue(e.getMessage().endsWith("must be `public Value wrong(CallContext, Args)`"), e.getMessage());
    assertThrows(IllegalStateException.class, registry::names, "names() binds every module");
  }

  @Test
  void namesListEveryFunctionOfEveryModule() {
    assertEquals(Set.of("good.answer"), new BuiltinRegistry(List.of(new Good())).names());
  }

  @Test
  void aModuleListedTwiceIsRefused() {
    var e = assertThrows(IllegalStateException.class, () -> new BuiltinRegistry(List.of(new Good(), new Good())));
    assertEquals("module good is listed twice", e.getMessage());
  }
}
