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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aegis runs [list | show RUN_ID]}: the runs recorded in {@code $AEGIS_HOME/runs} (default
 * {@code .aegis/runs}), newest first, and one run's journal. Without a subcommand it lists.
 * Exit codes: 0 done, 1 the run or its journal could not be read, 2 bad usage.
 */
public final class RunsCommand implements Callable<Integer>, Described {
  /** How to print. */
  public enum Format { TEXT, JSON }

  private CommandSpec spec;
  private int limit = 20;
  private String id;
  private Format format = Format.TEXT;

  private final Supplier<AegisHome> home;

  /** The command for the given home (the CLI passes its context's). */
  public RunsCommand(AegisHome home) {
    this.home = () -> home;
  }

  @Override
  public CommandSpec spec() {
    if (spec != null) return spec;
    var list = Specs.command((Callable<Integer>) () -> list(limit, format), "list", "List the runs, newest first.")
        .addOption(Specs.option("--limit", () -> limit, v -> limit = v,
            "Show the newest N runs; 0 shows all (default: ${DEFAULT-VALUE}).")
            .paramLabel("N").type(int.class).defaultValue("20").build())
        .addOption(formatOption());
    var show = Specs.command((Callable<Integer>) () -> show(id, format), "show",
            "Show one run's journal, record by record.")
        .addPositional(Specs.positional("RUN_ID", () -> id, v -> id = v, "The run, as `aegis runs list` prints it.")
            .type(String.class).build())
        .addOption(formatOption());
    spec = Specs.command(this, "runs", "List recorded runs, or show one run's journal.",
            "Runs are kept in $AEGIS_HOME/runs (default .aegis/runs in the working directory).")
        .addSubcommand("list", list)
        .addSubcommand("show", show);
    return spec;
  }

  private picocli.CommandLine.Model.OptionSpec formatOption() {
    return Specs.option("--format", () -> format, v -> format = v, "Output format (default: ${DEFAULT-VALUE}).")
        .paramLabel("text|json").type(Format.class).defaultValue("text").converters(new FormatConverter()).build();
  }

  @Override
  public Integer call() {
    return list(20, Format.TEXT);
  }

  int list(int limit, Format format) {
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

  int show(String id, Format format) {
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
