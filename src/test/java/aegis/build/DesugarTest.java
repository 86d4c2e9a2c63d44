package aegis.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * build-tools/Desugar.java, which the build runs on the main and the test classes: the pattern
 * switches and records below behave as the JDK's bootstraps make them behave, and no class of aegis
 * (nor this one) is left with such a bootstrap.
 */
class DesugarTest {
  sealed interface Shape permits Circle, Square, Group {}

  record Circle(double radius) implements Shape {}

  record Square(int side) implements Shape {}

  record Group(List<Shape> members) implements Shape {}

  record Empty() {}

  record Everything(int i, long l, float f, double d, boolean b, char c, byte by, short sh, String s, Object o,
      int[] array) {}

  private static String describe(Object o) {
    return switch (o) {
      case null -> "null";
      case Circle c when c.radius() > 10 -> "big circle";
      case Circle c -> "circle " + c.radius();
      case Square(int side) when side == 0 -> "point";
      case Square s -> "square " + s.side();
      case Group(var members) when members.isEmpty() -> "empty group";
      case Group g -> "group of " + g.members().size();
      case CharSequence text -> "text " + text;
      default -> "other " + o.getClass().getSimpleName();
    };
  }

  private static int sides(Shape shape) {
    return switch (shape) {
      case Circle c -> 0;
      case Square s -> 4;
      case Group g -> g.members().stream().mapToInt(DesugarTest::sides).sum();
    };
  }

  @Test
  void typeSwitchesPickTheFirstMatchingCaseAndRetryAfterAFailedGuard() {
    assertEquals("null", describe(null));
    assertEquals("big circle", describe(new Circle(11)));
    assertEquals("circle 2.0", describe(new Circle(2)));
    assertEquals("point", describe(new Square(0)));
    assertEquals("square 3", describe(new Square(3)));
    assertEquals("empty group", describe(new Group(List.of())));
    assertEquals("group of 2", describe(new Group(List.of(new Circle(1), new Square(1)))));
    assertEquals("text abc", describe(new StringBuilder("abc")));
    assertEquals("other Integer", describe(42));
    assertEquals(8, sides(new Group(List.of(new Square(1), new Circle(1), new Square(2)))));
    assertThrows(NullPointerException.class, () -> sides(null));
  }

  @Test
  void recordsCompareHashAndPrintTheirComponentsAsTheJdkDoes() {
    int[] array = {1};
    var a = new Everything(1, 2L, 1.5f, Double.NaN, true, 'c', (byte) 3, (short) 4, "s", null, array);
    var same = new Everything(1, 2L, 1.5f, Double.NaN, true, 'c', (byte) 3, (short) 4, "s", null, array);
    assertEquals(a, same);   // NaN equals NaN, as Double.compare has it
    assertEquals(a, a);
    assertNotEquals(a, null);
    assertFalse(a.equals("s"));
    assertNotEquals(a, new Everything(1, 2L, 1.5f, Double.NaN, true, 'c', (byte) 3, (short) 4, "s", null, new int[] {1}));
    assertNotEquals(new Circle(0.0), new Circle(-0.0));
    assertEquals(new Group(List.of(new Square(2))), new Group(List.of(new Square(2))));
    assertNotEquals(new Square(2), new Square(3));
    assertEquals(new Empty(), new Empty());

    int expected = 0;
    for (int h : new int[] {Integer.hashCode(1), Long.hashCode(2L), Float.hashCode(1.5f), Double.hashCode(Double.NaN),
        Boolean.hashCode(true), Character.hashCode('c'), Byte.hashCode((byte) 3), Short.hashCode((short) 4),
        Objects.hashCode("s"), 0, System.identityHashCode(array)}) {
      expected = expected * 31 + h;
    }
    assertEquals(expected, a.hashCode());
    assertEquals(0, new Empty().hashCode());
    assertEquals(31 * 0 + Double.hashCode(2.5), new Circle(2.5).hashCode());

    assertEquals("Everything[i=1, l=2, f=1.5, d=NaN, b=true, c=c, by=3, sh=4, s=s, o=null, array=" + array + "]",
        a.toString());
    assertEquals("Empty[]", new Empty().toString());
    assertEquals("Group[members=[Square[side=2], Circle[radius=0.5]]]",
        new Group(List.of(new Square(2), new Circle(0.5))).toString());
  }

  @Test
  void noClassIsLeftWithABootstrapThatGeneratesCodeAtRunTime() throws IOException, URISyntaxException {
    Path testClasses = Path.of(DesugarTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path mainClasses = Path.of(aegis.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(mainClasses.resolve("aegis"))) {
      all.filter(p -> p.toString().endsWith(".class")).forEach(p -> files.add(p.toString()));
    }
    try (Stream<Path> all = Files.list(testClasses.resolve("aegis/build"))) {
      all.filter(p -> p.toString().endsWith(".class")).forEach(p -> files.add(p.toString()));
    }
    assertTrue(files.size() > 500, "aegis's classes: " + files.size());

    var javap = ToolProvider.findFirst("javap").orElseThrow();
    var out = new StringWriter();
    var args = new ArrayList<>(List.of("-c", "-p"));
    args.addAll(files);
    assertEquals(0, javap.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new)));
    String code = out.toString();
    assertTrue(code.contains("typeSwitch$"), "the switches above call their plain helper");
    List<String> left = code.lines()
        .filter(l -> l.contains("InvokeDynamic") && (l.contains(":typeSwitch:") || l.contains(":equals:")
            || l.contains(":hashCode:") || l.contains(":toString:")))
        .toList();
    assertTrue(left.isEmpty(), left.size() + " call sites left to a run-time bootstrap (did the build run"
        + " build-tools/Desugar.java?), e.g. " + left.subList(0, Math.min(5, left.size())));
  }
}
