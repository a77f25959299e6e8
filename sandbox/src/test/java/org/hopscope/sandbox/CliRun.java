package org.hopscope.sandbox;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code hopscope sandbox ...}: exit code, stdout and stderr.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CliRun(int exitCode, String out, String err) {

  /**
   * Runs {@code args} (then {@code common}, e.g. --dir and ports) through the real command tree.
   */
  static CliRun of(List<String> common, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = SandboxMain.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(all.toArray(String[]::new));
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
