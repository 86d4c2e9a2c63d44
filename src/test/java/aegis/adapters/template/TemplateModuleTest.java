package aegis.adapters.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.eval.Value;
import aegis.testing.TestCallContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template.render}: Jinja in strict mode, values as Jinja sees them, secrets never rendered. */
class TemplateModuleTest {
  @TempDir
  Path dir;

  private final TemplateModule template = new TemplateModule();

  private Value render(String text, Map<String, Value> context) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/t.yaml.j2"), text);
    try (var ctx = TestCallContext.plan().runbookDirectory(dir)) {
      return template.render(ctx, new Args("render",
          List.of(new Value.Str("templates/t.yaml.j2"), new Value.Rec("Context", context))));
    }
  }

  @Test
  void rendersValuesAsJinjaSeesThem() throws Exception {
    var out = render("""
        name: {{ name }}
        replicas: {{ replicas }}
        {% for p in ports %}- {{ p }}
        {% endfor %}""",
        Map.of("name", new Value.Str("api"), "replicas", new Value.Int(3),
            "ports", new Value.ListV(List.of(new Value.Int(80), new Value.Int(443)))));
    assertEquals(new Value.Str("name: api\nreplicas: 3\n- 80\n- 443\n"), out);
  }

  @Test
  void anUnknownVariableIsAnErrorNamingTheTemplateAndLine() {
    var e = assertThrows(AdapterException.class, () -> render("a: 1\nb: {{ missing }}\n", Map.of()));
    assertTrue(e.getMessage().contains("templates/t.yaml.j2:2"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void aSecretIsNeverRendered() throws Exception {
    var out = render("password: {{ pw }}\n", Map.of("pw", new Value.Secret("canary-7f3a")));
    assertEquals(new Value.Str("password: (sensitive)\n"), out);
  }

  @Test
  void aMissingTemplateSaysWhich() {
    var e = assertThrows(AdapterException.class, () -> {
      try (var ctx = TestCallContext.plan().runbookDirectory(dir)) {
        template.render(ctx, new Args("render", List.of(new Value.Str("templates/none.j2"), new Value.Rec("Context", Map.of()))));
      }
    });
    assertTrue(e.getMessage().contains("cannot read template templates/none.j2"), e.getMessage());
  }
}
