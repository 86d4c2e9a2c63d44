package aegis.adapters.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every extern of stdlib/k8s.aegis has an implementation, and every write or destructive one a preview. */
class K8sModuleBindingTest {
  private static final Pattern EXTERN = Pattern.compile("extern\\s+(read|write|destructive)\\s+fn\\s+(\\w+)");

  @Test
  void everyDeclarationIsImplementedAndEveryWriteIsPlanned() throws Exception {
    String source = Files.readString(Path.of("stdlib/k8s.aegis"));
    var declared = new TreeSet<String>();
    var writes = new TreeSet<String>();
    var m = EXTERN.matcher(source);
    while (m.find()) {
      declared.add(m.group(2));
      if (!m.group(1).equals("read")) writes.add(m.group(2));
    }
    Set<String> implemented = Arrays.stream(K8sModule.class.getMethods()).filter(x -> x.isAnnotationPresent(Extern.class))
        .map(x -> x.getAnnotation(Extern.class).value()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> planned = Arrays.stream(K8sModule.class.getMethods()).filter(x -> x.isAnnotationPresent(PlanFor.class))
        .map(x -> x.getAnnotation(PlanFor.class).value()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, implemented);
    assertEquals(writes, planned);
    assertEquals(29, declared.size());
  }
}
