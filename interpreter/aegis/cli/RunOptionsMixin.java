package aegis.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** Options of every command that applies: approvals and the change-window override. */
public final class RunOptionsMixin {
  List<String> approvals = new ArrayList<>();

  String overrideWindow;

  CommandSpec spec() {
    return Specs.mixin(this)
        .addOption(Specs.option("--approve", () -> approvals, v -> approvals = v,
            "Approve the step NAME in advance: its `approve` gate and its destructive calls pass. Repeatable.")
            .paramLabel("NAME").type(List.class).auxiliaryTypes(String.class).build())
        .addOption(Specs.option("--override-window", () -> overrideWindow, v -> overrideWindow = v,
            "Run outside the change window; the reason is written to the journal.")
            .paramLabel("REASON").type(String.class).build());
  }

  Set<String> approvals() { return new LinkedHashSet<>(approvals); }
}
