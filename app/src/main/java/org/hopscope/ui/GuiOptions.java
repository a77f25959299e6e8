package org.hopscope.ui;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The desktop client's command line: {@code ./hopscope gui [OPTIONS]}. */
@Command(
    name = "hopscope gui",
    mixinStandardHelpOptions = true,
    description = "Opens the Hopscope desktop client.")
final class GuiOptions {

  @Option(
      names = "--profile",
      paramLabel = "P",
      description = "connection profile (default: the last one used, else 'sandbox')")
  String profile;

  @Option(names = "--path", paramLabel = "NAME", description = "integration path (default: first)")
  String path;

  @Option(
      names = "--view",
      paramLabel = "VIEW",
      description =
          "view to show: flow, stuck, metrics, incidents or playbook (default: flow; window: the"
              + " old name of stuck); compare: the flow of --id beside a healthy message (--with);"
              + " alerts: the firing-alerts panel open over the flow of --id (else the stuck view)")
  String view = "flow";

  @Option(names = "--id", paramLabel = "ID", description = "search this message at start")
  String id;

  @Option(
      names = "--with",
      paramLabel = "ID",
      description = "--view compare: compare with this message (default: the nearest OK one)")
  String with;

  @Option(
      names = "--compare",
      paramLabel = "previous|1d",
      description =
          "stuck view: compare each hop with the window before (previous) or a day earlier (1d)")
  String compare;

  @Option(
      names = {"--outage", "--incident"},
      paramLabel = "MANIFEST",
      description =
          "preselect the window of the outage recorded in a sandbox manifest (incidentStart to"
              + " now); --incident is its old name")
  Path outage;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "custom window start, e.g. 2026-11-26T15:00:00Z (with --to)")
  String from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "custom window end (with --from)")
  String to;

  @Option(
      names = "--link",
      paramLabel = "URL",
      description = "open a playbook link: hopscope://playbook/ID?path=...&hop=...&from=...&to=...")
  String link;

  @Option(names = "--analyse", description = "analyse the chosen window at start")
  boolean analyse;

  @Option(
      names = "--screenshot",
      paramLabel = "FILE",
      description =
          "wait until the view has its data, write a PNG of the window to FILE and exit"
              + " (non-zero, with the reason, when the data never arrives)")
  Path screenshot;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "window size (default: ${DEFAULT-VALUE})")
  String size = "1440x900";

  @Option(names = "--theme", paramLabel = "dark|light", description = "theme for this run only")
  String theme;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "screenshot patience")
  int timeoutSeconds = 180;

  @Option(
      names = "--debug",
      description = "diagnostics on stderr too; FX-thread stalls over 50 ms (not 250)")
  boolean debug;

  @Option(
      names = "--startup-probe",
      paramLabel = "SECONDS",
      description =
          "measure the start: print the time from process start to the first drawn window and"
              + " the resident memory after SECONDS idle, then exit (./hopscope bench startup)")
  Integer startupProbeSeconds;

  @picocli.CommandLine.Parameters(
      arity = "0..1",
      paramLabel = "URL|FILE",
      description =
          "a hopscope:// link, as --link, or a bundle FILE.hopscope, as --open (what the desktop"
              + " entry passes)")
  String positionalLink;

  @Option(
      names = "--open",
      paramLabel = "FILE",
      description = "open an incident bundle (FILE.hopscope) read-only, in a window of its own")
  String open;

  /** The custom window of --from/--to, or null. */
  org.hopscope.model.TimeWindow window() {
    return from == null
        ? null
        : new org.hopscope.model.TimeWindow(
            java.time.Instant.parse(from), java.time.Instant.parse(to));
  }

  /**
   * The main window's view: {@link #view}, except that compare shows the flow under its window and
   * alerts the flow of --id (else the stuck view) under its panel.
   */
  String mainView() {
    return switch (view) {
      case "compare" -> "flow";
      case "alerts" -> id == null || id.isBlank() ? "stuck" : "flow";
      default -> view;
    };
  }

  double width() {
    return Double.parseDouble(size.split("x")[0]);
  }

  double height() {
    return Double.parseDouble(size.split("x")[1]);
  }

  /** Whether the positional argument names a file (a bundle), not a hopscope:// link. */
  private static boolean isFile(String argument) {
    return argument.startsWith("file:") || !argument.contains("://");
  }

  /** What is wrong with the options, or null. */
  String problem() {
    if (positionalLink != null && isFile(positionalLink)) {
      if (open != null) {
        return "give the bundle once: either --open FILE or FILE";
      }
      // a bare FILE.hopscope or file:// URI: what a desktop double-click passes
      open =
          positionalLink.startsWith("file:")
              ? java.nio.file.Path.of(java.net.URI.create(positionalLink)).toString()
              : positionalLink;
      positionalLink = null;
    }
    if (positionalLink != null && link != null) {
      return "give the hopscope:// link once: either --link URL or URL";
    }
    if (startupProbeSeconds != null && startupProbeSeconds < 0) {
      return "--startup-probe takes a number of seconds >= 0, not " + startupProbeSeconds;
    }
    if (!size.matches("\\d{3,5}x\\d{3,5}")) {
      return "--size must look like 1440x900, not '" + size + "'";
    }
    if (!view.matches("flow|stuck|window|metrics|incidents|playbook|compare|alerts")) {
      return "--view must be flow, stuck, metrics, incidents, playbook, compare or alerts, not '"
          + view
          + "'";
    }
    if ((screenshot != null && view.matches("flow|metrics") || view.equals("compare"))
        && (id == null || id.isBlank())) {
      return (view.equals("compare") ? "--view compare" : "--screenshot of the " + view + " view")
          + " needs --id ID (the message to show)";
    }
    if (with != null && !view.equals("compare")) {
      return "--with goes with --view compare (the message to compare --id with)";
    }
    if (with != null && with.isBlank()) {
      return "--with needs a message ID";
    }
    if (compare != null) {
      try {
        org.hopscope.model.StuckBaseline.parse(compare);
      } catch (IllegalArgumentException e) {
        return "--compare: " + e.getMessage();
      }
    }
    if ((from == null) != (to == null)) {
      return "--from and --to go together";
    }
    if (from != null) {
      try {
        if (!java.time.Instant.parse(to).isAfter(java.time.Instant.parse(from))) {
          return "--to must be after --from";
        }
      } catch (java.time.format.DateTimeParseException e) {
        return "--from/--to take instants like 2026-11-26T15:00:00Z: " + e.getParsedString();
      }
    }
    if (link != null || positionalLink != null) {
      try {
        org.hopscope.model.playbook.PlaybookLink.parse(link != null ? link : positionalLink);
      } catch (IllegalArgumentException e) {
        return "--link: " + e.getMessage();
      }
    }
    if (theme != null && !theme.matches("dark|light")) {
      return "--theme must be dark or light, not '" + theme + "'";
    }
    return null;
  }
}
