package aegis.cli;

import aegis.lsp.AegisLanguageServer;
import aegis.lsp.StdlibFiles;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;

/**
 * {@code aegis lsp}: the language server, speaking LSP over standard input and output until the
 * editor closes the connection or sends {@code exit}. Exit code 0 after a proper shutdown, 1 when
 * the client exits without asking for one (as the protocol says). Nothing else may write to
 * standard output: it carries the protocol.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = {"Run the aegis language server over stdio (for editors).",
        "Diagnostics, completion, hover, go to definition, references, rename, symbols, formatting.",
        "Stdlib sources for go-to-definition are written to $XDG_CACHE_HOME/aegis (or ~/.cache/aegis)."})
public final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() throws InterruptedException {
    var exitCode = new AtomicInteger(-1);
    var stdout = System.out;
    // Stray prints (a library's warning) must not corrupt the protocol stream.
    System.setOut(System.err);
    var serverRef = new AegisLanguageServer[1];
    var server = new AegisLanguageServer(StdlibFiles.defaultCacheRoot(), () -> {
      exitCode.set(serverRef[0].wasShutDown() ? 0 : 1);
      System.exit(exitCode.get());
    });
    serverRef[0] = server;
    try {
      AegisLanguageServer.serve(server, System.in, stdout).get();
    } catch (ExecutionException e) {
      System.err.println("aegis lsp: the connection failed: " + e.getCause());
      return 1;
    } finally {
      System.setOut(stdout);
    }
    return server.wasShutDown() ? 0 : 1;
  }
}
