package aegis.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of the jar: runs one {@code aegis} command and exits with its status. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LibraryDefaults.apply();
    // Buffered, flushed once by Cli.run: a check with thousands of diagnostics is not slowed down
    // by a flush per line.
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    int status = Cli.run(args, out, err, CliContext.system());
    // A success with nothing left running ends by returning: the JVM then exits with 0. System.exit
    // first logs the exit (System.Logger "java.lang.Runtime", JDK 17 on), and finding a logging back
    // end searches the class path for providers: it opens the 59 MB jar and reads its 37 000-entry
    // directory, ~20 ms that a check spends on nothing else (its classes come from the AOT cache).
    if (status == 0 && onlyDaemonsBesides(Thread.currentThread(), platformThreads())) return;
    System.exit(status);
  }

  /** Every live platform thread of the JVM, or null when they could not all be listed. */
  static Thread[] platformThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    return n == threads.length ? null : java.util.Arrays.copyOf(threads, n);
  }

  /** True when every thread but {@code self} is a daemon: returning from main then ends the JVM at once. */
  static boolean onlyDaemonsBesides(Thread self, Thread[] threads) {
    if (threads == null) return false;
    for (Thread t : threads) if (t != self && t.isAlive() && !t.isDaemon()) return false;
    return true;
  }

  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), false);
  }
}
