package aegis.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options of every command that applies: approvals and the change-window override. */
public final class RunOptionsMixin {
  @Option(names = "--approve", paramLabel = "NAME",
      description = "Approve the step NAME in advance: its `approve` gate and its destructive calls pass. Repeatable.")
  List<String> approvals = new ArrayList<>();

  @Option(names = "--override-window", paramLabel = "REASON",
      description = "Run outside the change window; the reason is written to the journal.")
  String overrideWindow;

  Set<String> approvals() { return new LinkedHashSet<>(approvals); }
}
