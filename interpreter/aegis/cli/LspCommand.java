package aegis.cli;

import aegis.lsp.AegisLanguageServer;
import aegis.lsp.StdlibFiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aegis lsp}: the language server, speaking LSP over standard input and output until the
 * editor closes the connection or sends {@code exit}. Exit code 0 after a proper shutdown, 1 when
 * the client exits (or disconnects) without asking for one, as the protocol says. Nothing else may
 * write to standard output while it runs: it carries the protocol, so {@code System.out} is pointed
 * at standard error.
 */
public final class LspCommand implements Callable<Integer>, Described {
  private final InputStream in;
  private final OutputStream out;
  private final IntConsumer exit;
  private CommandSpec spec;

  /** The command on this process's standard streams; the client's {@code exit} ends the process. */
  public LspCommand() {
    this(System.in, System.out, System::exit);
  }

  /** The command on given streams (tests); {@code exit} receives the exit code when the client sends {@code exit}. */
  public LspCommand(InputStream in, OutputStream out, IntConsumer exit) {
    this.in = in;
    this.out = out;
    this.exit = exit;
  }

  @Override
  public CommandSpec spec() {
    if (spec == null) {
      spec = Specs.command(this, "lsp", "Run the aegis language server over stdio (for editors).",
          "Diagnostics, completion, hover, go to definition, references, rename, symbols, formatting.",
          "Stdlib sources for go-to-definition are written to $XDG_CACHE_HOME/aegis (or ~/.cache/aegis).");
    }
    return spec;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintStream previous = System.out;
    if (out == previous) System.setOut(System.err);
    var server = new AegisLanguageServer[1];
    server[0] = new AegisLanguageServer(StdlibFiles.defaultCacheRoot(), () -> exit.accept(code(server[0])));
    try {
      AegisLanguageServer.serve(server[0], in, out).get();
    } catch (ExecutionException e) {
      System.err.println("aegis lsp: the connection failed: " + e.getCause());
      return 1;
    } finally {
      System.setOut(previous);
    }
    return code(server[0]);
  }

  private static int code(AegisLanguageServer server) { return server.wasShutDown() ? 0 : 1; }
}
