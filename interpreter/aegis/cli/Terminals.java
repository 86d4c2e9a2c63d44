package aegis.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a terminal, on every JDK from 21 on. */
final class Terminals {
  private Terminals() {}

  /**
   * True when standard input and output are a terminal. Up to JDK 21, {@code System.console()} is
   * null otherwise; from JDK 22 it may exist when redirected and {@code Console.isTerminal()} tells.
   * That method is called reflectively because the code is compiled for Java 21.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
