package aegis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.plan.render.MarkdownRenderer;
import aegis.plan.render.PlanFormat;
import aegis.plan.render.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden outputs of the text and Markdown renderers under {@code src/test/resources/golden/plan/}.
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PlanRenderGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden/plan");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> renderersMatchTheirGoldenFiles() {
    Map<String, Function<Plan, String>> formats = Map.of(
        "txt", p -> TextRenderer.render(p, false),
        "md", MarkdownRenderer::render);
    List<DynamicTest> tests = new ArrayList<>();
    SamplePlans.all().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(plan ->
        formats.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(format -> {
          String file = plan.getKey() + "." + format.getKey();
          tests.add(DynamicTest.dynamicTest(file, () -> check(file, format.getValue().apply(plan.getValue()))));
        }));
    tests.add(DynamicTest.dynamicTest("deploy.color.txt", () -> check("deploy.color.txt", TextRenderer.render(SamplePlans.deploy(), true))));
    return tests.stream();
  }

  @Test
  void colourOnlyWhenAskedFor() {
    assertTrue(TextRenderer.render(SamplePlans.deploy(), true).contains("\u001b[1;31m! run\u001b[0m"));
    assertTrue(TextRenderer.render(SamplePlans.deploy(), false).chars().noneMatch(c -> c == 0x1b));
    assertTrue(PlanFormat.TEXT.render(SamplePlans.deploy(), false).startsWith("Plan for runbooks/deploy.aegis"));
    assertEquals(PlanJson.write(SamplePlans.deploy()), PlanFormat.JSON.render(SamplePlans.deploy(), true));
    assertEquals(MarkdownRenderer.render(SamplePlans.deploy()), PlanFormat.MARKDOWN.render(SamplePlans.deploy(), true));
  }

  @Test
  void noRendererShowsASecret() {
    for (PlanFormat f : PlanFormat.values()) {
      String out = f.render(SamplePlans.deploy(), false);
      assertTrue(!out.contains(SamplePlans.DB_PASSWORD) && !out.contains("old-password"), f + " shows a secret");
    }
  }

  private static void check(String file, String actual) throws IOException {
    Path path = DIR.resolve(file);
    if (UPDATE) {
      Files.createDirectories(DIR);
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(path), path + " is missing; run the tests with -Dgolden.update=true to create it");
    assertEquals(Files.readString(path, StandardCharsets.UTF_8), actual, file + " differs from its golden file");
  }
}
