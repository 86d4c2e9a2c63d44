package aegis.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --set name=value}: the runbook's params. */
public final class InputsMixin {
  List<String> assignments = new ArrayList<>();

  CommandSpec spec() {
    return Specs.mixin(this).addOption(Specs.option("--set", () -> assignments, v -> assignments = v,
            "Set the param NAME (repeatable). Values are typed by the param: 3, 2.5, true, 30s, 500m, "
                + "a,b,c for lists; a Secret is given as NAME=env:VARIABLE so it never appears on a command line.")
        .paramLabel("NAME=VALUE").type(List.class).auxiliaryTypes(String.class).build());
  }
}
