package aegis.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set name=value}: the runbook's params. */
public final class InputsMixin {
  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Set the param NAME (repeatable). Values are typed by the param: 3, 2.5, true, 30s, 500m, "
          + "a,b,c for lists; a Secret is given as NAME=env:VARIABLE so it never appears on a command line.")
  List<String> assignments = new ArrayList<>();
}
