package aegis.cli;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.Journal;
import aegis.exec.journal.JournalCodec;
import aegis.exec.journal.JournalText;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunStatus;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.RunSummary;
import aegis.exec.lock.EnvironmentLocks;
import aegis.exec.lock.LockHolder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aegis runs [list | show RUN_ID]}: the runs recorded in {@code $AEGIS_HOME/runs} (default
 * {@code .aegis/runs}), newest first, and one run's journal. Without a subcommand it lists.
 * Exit codes: 0 done, 1 the run or its journal could not be read, 2 bad usage.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"List recorded runs, or show one run's journal.",
        "Runs are kept in $AEGIS_HOME/runs (default .aegis/runs in the working directory)."})
public final class RunsCommand implements Callable<Integer> {
  /** How to print. */
  public enum Format { TEXT, JSON }

  @Spec private CommandSpec spec;

  private final Supplier<AegisHome> home;

  /** The command for the given home (the CLI's {@code CommandFactory} passes its context's). */
  public RunsCommand(AegisHome home) {
    this.home = () -> home;
  }

  @Override
  public Integer call() {
    return list(20, Format.TEXT);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the runs, newest first.")
  int list(
      @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
          description = "Show the newest N runs; 0 shows all (default: ${DEFAULT-VALUE}).") int limit,
      @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", converter = FormatConverter.class,
          description = "Output format (default: ${DEFAULT-VALUE}).") Format format) {
    AegisHome where = home.get();
    List<RunSummary> runs;
    try {
      runs = new RunStore(where).list(limit);
    } catch (IOException e) {
      return fail("cannot read the runs in " + where.runs() + ": " + e.getMessage());
    }
    EnvironmentLocks locks = new EnvironmentLocks(where);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      ArrayNode array = JournalCodec.JSON.createArrayNode();
      runs.forEach(run -> array.add(toJson(run, status(run, locks))));
      out.println(array.toPrettyString());
    } else if (runs.isEmpty()) {
      out.println("no runs in " + where.runs());
    } else {
      out.print(JournalText.list(runs, run -> status(run, locks)));
    }
    out.flush();
    return 0;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run's journal, record by record.")
  int show(
      @Parameters(paramLabel = "RUN_ID", description = "The run, as `aegis runs list` prints it.") String id,
      @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", converter = FormatConverter.class,
          description = "Output format (default: ${DEFAULT-VALUE}).") Format format) {
    if (!RunId.isValid(id)) {
      spec.commandLine().getErr().println("error: `" + id + "` is not a run id (e.g. 20261127T091500Z-4f3a)");
      spec.commandLine().getErr().flush();
      return 2;
    }
    AegisHome where = home.get();
    Journal journal;
    try {
      journal = new RunStore(where).read(new RunId(id));
    } catch (IOException e) {
      return fail(e.getMessage());
    }
    RunSummary summary = RunSummary.of(journal);
    String status = status(summary, new EnvironmentLocks(where));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      ObjectNode document = toJson(summary, status);
      document.put("validBytes", journal.validBytes());
      document.put("totalBytes", journal.totalBytes());
      ArrayNode records = document.putArray("records");
      journal.records().forEach(record -> records.add(JournalCodec.encode(record)));
      out.println(document.toPrettyString());
    } else {
      out.print(JournalText.show(journal, status));
    }
    out.flush();
    return 0;
  }

  /**
   * The status word of a run. An unfinished run is {@code running} while its environment's lock
   * names it and its process is not known to be gone, and {@code interrupted} otherwise.
   */
  private static String status(RunSummary run, EnvironmentLocks locks) {
    if (run.status() != RunStatus.UNFINISHED) return run.status().name().toLowerCase(Locale.ROOT);
    if (run.environment() == null) return "interrupted";
    try {
      Optional<LockHolder> holder = locks.holder(run.environment());
      boolean running = holder.isPresent() && holder.get().runId().equals(run.runId())
          && locks.isAlive(holder.get()).orElse(true);
      return running ? "running" : "interrupted";
    } catch (IOException | IllegalArgumentException unknowable) {
      return "unfinished";
    }
  }

  private static ObjectNode toJson(RunSummary run, String status) {
    ObjectNode o = JournalCodec.JSON.createObjectNode();
    o.put("runId", run.runId().value());
    o.put("status", status);
    o.put("runbook", run.runbook());
    o.put("environment", run.environment());
    o.put("started", run.started() == null ? null : run.started().toString());
    o.put("durationMs", run.duration().toMillis());
    o.put("user", run.by() == null ? null : run.by().user());
    o.put("host", run.by() == null ? null : run.by().host());
    o.put("torn", run.torn());
    return o;
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: " + message);
    err.flush();
    return 1;
  }

  /** {@code text} or {@code json}, in any case. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected text or json, not `" + value + "`");
      }
    }
  }
}
